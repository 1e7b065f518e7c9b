import { expect, test } from '@playwright/test';
import { ERROR_CATALOG } from '../../src/contract';
import { assumedFieldProblems, requirementsOf } from '../../src/pact/assumed-fields';
import { pactSettingsFrom } from '../../src/pact/config';
import { INTERACTIONS } from '../../src/pact/interactions';
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
  const changed = withInteraction(pact!, INTERACTIONS.expiredToken, (interaction) => {
    interaction.response.body.content.apiCode = ERROR_CATALOG.enrollmentTokenExpired.apiCode;
  });
  expect(assumedFieldProblems(changed)).toEqual([
    {
      interaction: INTERACTIONS.expiredToken,
      problem:
        'requires the value of apiCode (2300), which the error catalog marks assumed for enrollmentTokenExpired',
    },
  ]);
});

test('an apiCode matched by type is still a required presence, and a pinned statusCode a required value', () => {
  const [pact] = pacts;
  const changed = withInteraction(pact!, INTERACTIONS.wrongSmsPassCode, (interaction) => {
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

test('a relied-on field must be said in the description, and a failure must name its catalog scenario', () => {
  const [pact] = pacts;
  const renamed = 'enroll-factor rejects a request without an access token';
  const changed = withInteraction(pact!, INTERACTIONS.noAccessToken, (interaction) => {
    interaction.description = renamed;
  });
  expect(assumedFieldProblems(changed)).toEqual([
    {
      interaction: renamed,
      problem:
        'is a failure without a catalog scenario: add it to FAILURE_SCENARIOS in src/pact/interactions.ts',
    },
  ]);
  const relied = pact!.interactions.find(
    (interaction) => interaction.description === INTERACTIONS.noAccessToken,
  );
  expect(requirementsOf(relied as PactInteraction).map((requirement) => requirement.field)).toContain(
    'statusCode',
  );
});
