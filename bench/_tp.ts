import { measureThroughput } from './mock-throughput';

const r = await measureThroughput({
  pactFile: 'pacts/mfa-enrollment-app-genauth-authentication-api.json',
  durationSeconds: 3,
});
console.log(JSON.stringify(r, null, 2));
