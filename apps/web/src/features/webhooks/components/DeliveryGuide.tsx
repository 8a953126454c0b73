// What a registered endpoint receives, for the admin who connects it: the body's fields, the two headers, how to
// check the signature, and what counts as received. test/web-admin-flows holds it against a real delivery.
import { useTranslation } from 'react-i18next';

// Field for field what the worker posts (apps/worker/src/reactor/planner.ts `planWebhooks`); values are examples.
const SAMPLE_BODY = JSON.stringify(
  {
    id: '7f0c2a9e-4b1d-4c3e-9a51-0d6e2f8b7c41',
    type: 'AppAuthorized',
    requestId: '3b9d6c0a-52e4-4f7a-8c1b-9e2d4a6f0b35',
    teamId: '5e1a7d3c-0b8f-4a26-9d4e-7c3b2a1f6e08',
    status: 'PARTIALLY_AUTHORIZED',
    appKey: 'openai',
    at: '2026-12-06T09:30:00.000Z',
  },
  null,
  2,
);

const VERIFY = `const expected = 'sha256=' + crypto.createHmac('sha256', signingSecret).update(rawBody).digest('hex');
const valid = expected.length === signature.length &&
  crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));`;

export function DeliveryGuide() {
  const { t } = useTranslation('webhooks');
  return (
    <details className="delivery-guide">
      <summary>{t('guide.summary')}</summary>
      <p>{t('guide.post')}</p>
      <pre data-sample-body>
        <code>{SAMPLE_BODY}</code>
      </pre>
      <p>{t('guide.fields')}</p>
      <dl data-headers>
        <dt>
          <code>X-Signature</code>
        </dt>
        <dd>{t('guide.signature')}</dd>
        <dt>
          <code>X-Idempotency-Key</code>
        </dt>
        <dd>{t('guide.idempotency')}</dd>
      </dl>
      <p>{t('guide.verify')}</p>
      <pre>
        <code>{VERIFY}</code>
      </pre>
      <p>{t('guide.answer')}</p>
      <p>{t('guide.private')}</p>
    </details>
  );
}
