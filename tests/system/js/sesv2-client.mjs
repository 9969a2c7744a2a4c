// The AWS SDK for JavaScript v3 (@aws-sdk/client-sesv2) against pinpoint-mock's server.
//
//   node tests/system/js/sesv2-client.mjs <endpoint-url> <scenario>
//
// Scenarios (each prints one JSON document):
//   send      SendEmail (Simple) to two recipients: {"statusCode", "response"}
//   template  CreateEmailTemplate, then SendBulkEmail to two entries: {"statusCode", "response"}
//   rejected  SendEmail, answered MessageRejected when the test scripts it: the error's
//             {"name", "statusCode", "message"}
//   invalid   SendEmail with an EmailTags name SES refuses: the error's
//             {"name", "statusCode", "message"}
// Used by tests/system/test_sesv2_clients.py.
import {
  CreateEmailTemplateCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";

const [endpoint, scenario] = process.argv.slice(2);
if (!endpoint || !["send", "template", "rejected", "invalid"].includes(scenario)) {
  console.error("usage: node sesv2-client.mjs <endpoint-url> send|template|rejected|invalid");
  process.exit(2);
}

const client = new SESv2Client({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  maxAttempts: 1,
});

const simple = {
  Simple: { Subject: { Data: "Your order" }, Body: { Text: { Data: "It shipped." } } },
};

function sendEmail(tags = []) {
  return client.send(
    new SendEmailCommand({
      FromEmailAddress: "shop@example.com",
      Destination: { ToAddresses: ["ana@example.com"], CcAddresses: ["bo@example.com"] },
      Content: simple,
      EmailTags: tags,
    }),
  );
}

async function run() {
  if (scenario === "send") {
    return sendEmail([{ Name: "campaign", Value: "spring" }]);
  }
  if (scenario === "template") {
    await client.send(
      new CreateEmailTemplateCommand({
        TemplateName: "welcome",
        TemplateContent: { Subject: "Hi {{name}}", Text: "Welcome, {{name}}." },
      }),
    );
    return client.send(
      new SendBulkEmailCommand({
        FromEmailAddress: "shop@example.com",
        DefaultContent: { Template: { TemplateName: "welcome", TemplateData: '{"name":"friend"}' } },
        BulkEmailEntries: [
          {
            Destination: { ToAddresses: ["ana@example.com"] },
            ReplacementEmailContent: {
              ReplacementTemplate: { ReplacementTemplateData: '{"name":"Ana"}' },
            },
          },
          { Destination: { ToAddresses: ["bounce@simulator.amazonses.com"] } },
        ],
      }),
    );
  }
  if (scenario === "rejected") {
    return sendEmail();
  }
  return sendEmail([{ Name: "bad tag", Value: "x" }]);
}

try {
  const response = await run();
  const { $metadata, ...rest } = response;
  console.log(JSON.stringify({ statusCode: $metadata.httpStatusCode, response: rest }));
} catch (error) {
  console.log(
    JSON.stringify({
      name: error.name,
      statusCode: error.$metadata?.httpStatusCode,
      message: error.message,
    }),
  );
}
