import { expect, test } from '@playwright/test';
import { ERROR_CATALOG } from '../../src/contract';
import { assumedFieldProblems, requirementsOf } from '../../src/pact/assumed-fields';
import { pactSettingsFrom } from '../../src/pact/config';
import { INTERACTIONS, interactionNamed } from '../../src/pact/interactions';
import type { InteractionRecord, Refusal } from '../../src/pact/interactions/record';
import { type PactFile, type PactInteraction, readPactFilesSync } from '../../src/pact/pact-file';
import { withChangedInteraction } from './changed-pacts';

const pacts = readPactFilesSync(pactSettingsFrom().pactDir);

interface EditableInteraction {
  description: string;
  response: { body: { content: Record<string, unknown> }; matchingRules: { body: Record<string, unknown> } };
}

/** A copy of a pact with one interaction changed. */
function withInteraction(
  pact: PactFile,
  description: string,
  change: (interaction: EditableInteraction) => void,
): PactFile {
  const [copy] = withChangedInteraction([pact], description, change);
  return copy!;
}

/** The catalogue's records by description, with `record` in place of the one of its description. */
function recordsWith(record: InteractionRecord) {
  return (description: string) =>
    description === record.uponReceiving ? record : interactionNamed(description);
}

test('there are committed pacts to walk', () => {
  expect(pacts.length).toBeGreaterThan(0);
});

for (const pact of pacts) {
  test(`no interaction of ${pact.consumer.name} → ${pact.provider.name} requires a field the error catalog only assumes`, () => {
    expect(assumedFieldProblems(pact)).toEqual([]);
  });
}

test('an interaction that requires an assumed apiCode is found and named', () => {
  const [pact] = pacts;
  const changed = withInteraction(pact!, INTERACTIONS.expiredToken.uponReceiving, (interaction) => {
    interaction.response.body.content.apiCode = ERROR_CATALOG.enrollmentTokenExpired.apiCode;
  });
  expect(assumedFieldProblems(changed)).toEqual([
    {
      interaction: INTERACTIONS.expiredToken.uponReceiving,
      problem:
        'requires the value of apiCode (2300), which the error catalog marks assumed for enrollmentTokenExpired',
    },
  ]);
});

test('an apiCode matched by type is still a required presence, and a pinned statusCode a required value', () => {
  const [pact] = pacts;
  const changed = withInteraction(pact!, INTERACTIONS.wrongSmsPassCode.uponReceiving, (interaction) => {
    interaction.response.body.content.apiCode = 2001;
    interaction.response.matchingRules.body['$.apiCode'] = {
      combine: 'AND',
      matchers: [{ match: 'integer' }],
    };
    delete interaction.response.matchingRules.body['$.statusCode'];
  });
  const problems = assumedFieldProblems(changed).map((problem) => problem.problem);
  expect(problems).toEqual([
    'requires the value of statusCode (400), which the error catalog marks assumed for wrongPassCode',
    'requires the presence of apiCode (2001), which the error catalog marks assumed for wrongPassCode',
  ]);
});

test('a failure no record describes is named, and so is a record that answers a success', () => {
  const [pact] = pacts;
  const renamed = 'enroll-factor rejects a request without an access token';
  const changed = withInteraction(pact!, INTERACTIONS.noAccessToken.uponReceiving, (interaction) => {
    interaction.description = renamed;
  });
  expect(assumedFieldProblems(changed)).toEqual([
    {
      interaction: renamed,
      problem:
        'is a failure no record describes: add its record to src/pact/interactions/, answering { refusal: <its error catalog scenario> }',
    },
  ]);
  const answersSuccess = { ...INTERACTIONS.noAccessToken, willRespondWith: { body: () => ({}) } };
  expect(assumedFieldProblems(pact!, recordsWith(answersSuccess))).toContainEqual({
    interaction: INTERACTIONS.noAccessToken.uponReceiving,
    problem:
      'is a failure, but its record answers a success: make it answer { refusal: <its error catalog scenario> }',
  });
});

test('an assumed field the pact pins is allowed only where the record relies on it', () => {
  const [pact] = pacts;
  const relied = pact!.interactions.find(
    (interaction) => interaction.description === INTERACTIONS.noAccessToken.uponReceiving,
  );
  expect(requirementsOf(relied as PactInteraction).map((requirement) => requirement.field)).toContain(
    'statusCode',
  );
  const { reliesOn: _dropped, ...refusal } = INTERACTIONS.noAccessToken.willRespondWith as Refusal;
  const reliesOnNothing = { ...INTERACTIONS.noAccessToken, willRespondWith: refusal };
  expect(assumedFieldProblems(pact!, recordsWith(reliesOnNothing))).toEqual([
    {
      interaction: INTERACTIONS.noAccessToken.uponReceiving,
      problem:
        'requires the value of statusCode (401), which the error catalog marks assumed for notLoggedIn',
    },
  ]);
});

test('a field the record relies on must be said in the description', () => {
  const [pact] = pacts;
  const unsaid = 'enroll-factor rejects a request without an access token';
  const changed = withInteraction(pact!, INTERACTIONS.noAccessToken.uponReceiving, (interaction) => {
    interaction.description = unsaid;
  });
  const record = { ...INTERACTIONS.noAccessToken, uponReceiving: unsaid };
  expect(assumedFieldProblems(changed, recordsWith(record))).toEqual([
    {
      interaction: unsaid,
      problem:
        'requires the value of statusCode (401), which the consumer relies on; its description must say so ("relies on", "statusCode")',
    },
  ]);
});
