import { expect, test } from '@playwright/test';
import { pactSettingsFrom } from '../../src/pact/config';
import { readPactTexts } from '../../src/pact/drift';
import { INTERACTIONS } from '../../src/pact/interactions';
import {
  checkPactsAgainstOpenApi,
  checkPactTextsAgainstOpenApi,
  classifyFindings,
  formatOpenApiCheck,
  type OpenApiCheck,
  openApiCheckPassed,
} from '../../src/pact/openapi-check';
import { KNOWN_OPENAPI_DIFFERENCES } from '../../src/pact/openapi-known-differences';
import { type PactFile, readPactFilesSync } from '../../src/pact/pact-file';
import { withChangedInteraction } from './changed-pacts';

const settings = pactSettingsFrom();
const committed = readPactFilesSync(settings.pactDir).filter(
  (pact) => pact.provider.name === settings.provider,
);

interface EditableInteraction {
  description: string;
  request: { body?: { content: Record<string, unknown> } };
  response: { body: { content: { data?: Record<string, unknown>[] } } };
}

/**
 * The interaction called `description`, changed, alone in its pact: the validator compiles a schema for every
 * interaction it is given, and the other interactions are the committed check's to judge.
 */
function changed(description: string, change: (interaction: EditableInteraction) => void): PactFile[] {
  return withChangedInteraction(committed, description, change)
    .map((pact) => ({
      ...pact,
      interactions: pact.interactions.filter((interaction) => interaction.description === description),
    }))
    .filter((pact) => pact.interactions.length > 0);
}

/** The check of the committed pacts, run once per worker: several tests read it, none changes it. */
let committedCheck: Promise<OpenApiCheck> | undefined;
const checkOfCommitted = () => {
  committedCheck ??= checkPactsAgainstOpenApi(committed);
  return committedCheck;
};
const committedDescriptions = () =>
  committed.flatMap((pact) => pact.interactions.map((interaction) => interaction.description));

test('the committed pact agrees with the official OpenAPI apart from the listed, deliberate differences', async () => {
  const check = await checkOfCommitted();
  expect(check.unexpected).toEqual([]);
  expect(check.stale).toEqual([]);
  expect(check.accepted.length).toBeGreaterThan(0);
  expect(formatOpenApiCheck(check)).toContain('known, deliberate difference(s)');
});

test('a request the spec forbids fails the check, naming the interaction and the rule', async () => {
  const check = await checkPactsAgainstOpenApi(
    changed(INTERACTIONS.sendSms.uponReceiving, (interaction) => {
      delete interaction.request.body?.content.profile;
    }),
  );
  expect(openApiCheckPassed(check)).toBe(false);
  expect(check.unexpected).toEqual([
    expect.objectContaining({
      interaction: INTERACTIONS.sendSms.uponReceiving,
      code: 'request.body.incompatible',
      specLocation: expect.stringContaining('/api/v3/send-enroll-factor-request.post.requestBody'),
    }),
  ]);
  const message = formatOpenApiCheck(check);
  expect(message).toContain(`"${INTERACTIONS.sendSms.uponReceiving}": error request.body.incompatible`);
  expect(message).toContain("must have required property 'profile'");
  expect(message).toContain('rule: [root].paths./api/v3/send-enroll-factor-request.post.requestBody');
});

test('a response promising a field the spec does not define fails the check', async () => {
  const check = await checkPactsAgainstOpenApi(
    changed(INTERACTIONS.listEnrolled.uponReceiving, (interaction) => {
      const [factor] = interaction.response.body.content.data ?? [];
      if (factor) factor.profile = { phoneNumber: '13800000000' };
    }),
  );
  expect(check.unexpected).toEqual([
    expect.objectContaining({
      interaction: INTERACTIONS.listEnrolled.uponReceiving,
      code: 'response.body.incompatible',
    }),
  ]);
  expect(formatOpenApiCheck(check)).toContain('phoneNumber');
});

test('a known difference that no longer occurs fails the check, so the list stays true', async () => {
  const stale = {
    code: 'request.header.unknown',
    interactions: [INTERACTIONS.resetFactor.uponReceiving],
    mentions: 'x-authing-lang',
    reason: 'a difference that does not occur',
  };
  const { accepted, unexpected } = await checkOfCommitted();
  const findings = [...accepted.map(({ finding }) => finding), ...unexpected];
  const check = classifyFindings(findings, committedDescriptions(), [...KNOWN_OPENAPI_DIFFERENCES, stale]);
  expect(check.stale).toEqual([stale]);
  expect(openApiCheckPassed(check)).toBe(false);
  expect(formatOpenApiCheck(check)).toMatch(/no longer occur.*\n.*x-authing-lang/);
});

test("a team's pact without an interaction leaves that interaction's known differences unused, not stale", async () => {
  const { uponReceiving } = INTERACTIONS.listEnrolledGenAuthHeader;
  const holdingIt = committed.filter((pact) =>
    pact.interactions.some((interaction) => interaction.description === uponReceiving),
  );
  expect(holdingIt.length).toBeGreaterThan(0);
  const withoutIt = holdingIt.map((pact) => ({
    ...pact,
    interactions: pact.interactions.filter((interaction) => interaction.description !== uponReceiving),
  }));
  const check = await checkPactsAgainstOpenApi(withoutIt);
  expect(check.accepted.map(({ difference }) => difference.mentions)).not.toContain('x-genauth-app-id');
  expect(check.stale).toEqual([]);
  expect(openApiCheckPassed(check)).toBe(true);
});

test('pact texts are checked as the files they came from, only those of the provider', async () => {
  const texts = await readPactTexts(settings.pactDir);
  const otherProvider = JSON.stringify({ ...committed[0], provider: { name: 'another-provider' } });
  texts.set('another-pair.json', otherProvider);
  const fromTexts = await checkPactTextsAgainstOpenApi(texts, settings.provider);
  const fromFiles = await checkOfCommitted();
  expect(fromTexts.interactions).toBe(fromFiles.interactions);
  expect(fromTexts.accepted.map(({ finding }) => finding)).toEqual(
    fromFiles.accepted.map(({ finding }) => finding),
  );
});

test('a committed pact that cannot be read is a rejected check, not a crash of the gate', async () => {
  const check = checkPactTextsAgainstOpenApi(new Map([['broken.json', '{']]), settings.provider);
  await expect(check).rejects.toThrow(/broken\.json/);
});
