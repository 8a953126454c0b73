import { Injectable } from '@nestjs/common';
import { ReadYourWrites } from '@projections';
import { DirectoryLoaders, type DirectoryLoader } from './directory-loader';
import {
  toOrganizationParent,
  toTeamParent,
  toUserParent,
  type OrganizationParent,
  type TeamParent,
  type UserParent,
} from './directory-parents';

/**
 * The answer of a directory mutation: wait until the projections passed the command's position (R7.6), forget what
 * this operation read before, then read the rows a query would return now.
 */
@Injectable()
export class DirectoryAnswers {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly loaders: DirectoryLoaders,
  ) {}

  async after(position: string, context: object): Promise<DirectoryLoader> {
    await this.readYourWrites.after(position);
    const loader = this.loaders.for(context);
    loader.clear();
    return loader;
  }

  async organization(position: string, context: object, id: string): Promise<OrganizationParent> {
    const row = await (await this.after(position, context)).organization(id);
    if (!row) throw notYetVisible('organization', id);
    return toOrganizationParent(row);
  }

  async team(position: string, context: object, id: string): Promise<TeamParent> {
    const row = await (await this.after(position, context)).team(id);
    if (!row) throw notYetVisible('team', id);
    return toTeamParent(row);
  }

  async user(position: string, context: object, id: string): Promise<UserParent> {
    const row = await (await this.after(position, context)).user(id);
    if (!row) throw notYetVisible('user', id);
    return toUserParent(row);
  }
}

/** Only when the projections lag past ReadYourWrites' bound: the write happened, the answer cannot show it. */
function notYetVisible(kind: string, id: string): Error {
  return new Error(`${kind} ${id} was written but is not visible in the read models yet`);
}
