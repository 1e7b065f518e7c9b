/** Where the error catalog's answers come from, named once for the entries that cite them. */

export const ERROR_HANDLING = 'API explorer 开发准备/错误处理 (statusCode classes and apiCode list)';
/** An integrator's table of the apiCodes Authing's V3 endpoints answer it, with their messages. */
export const INTEGRATOR_TABLE =
  'opensourceways/om-webserver AuthingRespConvert.java (apiCode → message table)';
/** The official C# SDK's MFA tests, run against the real server and marked passing on 2022-10-18. */
export const CSHARP_MFA_TEST =
  'Authing/authing-csharp-sdk AuthenticationClientTest MfaTest (passing 2022-10-18)';
/** What the reset-factor description said from October to December 2022, in the docs generated for the SDKs. */
export const RESET_FACTOR_2022 =
  'the reset-factor description generated for the Go, Java, Node, PHP and Android SDKs, October to December 2022 (Authing/authing-docs-factory; authing-java-sdk 0f301e8, removed by 6fe0ac7): "unbinding SMS and email-code factors through this endpoint is not supported yet; use unbind-email / unbind-phone"';
