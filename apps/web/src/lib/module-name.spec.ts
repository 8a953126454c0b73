import { moduleName } from './module-name';

describe('moduleName', () => {
  const module = { name: 'List Deals', names: [{ language: 'PT_BR' as const, name: 'Listar negócios' }] };

  it('reads the translation for the page’s language, and English otherwise', () => {
    expect(moduleName(module, 'pt-BR')).toBe('Listar negócios');
    expect(moduleName(module, 'pt')).toBe('Listar negócios');
    expect(moduleName(module, 'en')).toBe('List Deals');
    expect(moduleName({ name: 'Update a Deal', names: [] }, 'pt-BR')).toBe('Update a Deal');
  });
});
