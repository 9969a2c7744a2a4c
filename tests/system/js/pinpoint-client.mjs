// The AWS SDK for JavaScript v3 against pinpoint-mock's server.
//
//   node tests/js/pinpoint-client.mjs <endpoint-url> <scenario>
//
// (or AWS_ENDPOINT_URL_PINPOINT and PINPOINT_SCENARIO in the environment). Scenarios:
//   send     register an SMS and an EMAIL endpoint for user-1, send to user-1,
//            print {"statusCode", "response": SendUsersMessageResponse} as JSON
//   invalid  send with SMSMessage.MessageType "PROMO", print the error's
//            {"name", "statusCode", "message"} as JSON
// Used by tests/test_clients.py; docs/clients/javascript.md shows the same calls.
import {
  PinpointClient,
  SendUsersMessagesCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-pinpoint";

const APP = "611e3e3cdd47474c9c1399a505665b91";

const [endpoint = process.env.AWS_ENDPOINT_URL_PINPOINT, scenario = process.env.PINPOINT_SCENARIO] =
  process.argv.slice(2);
if (!endpoint || !["send", "invalid"].includes(scenario)) {
  console.error("usage: node pinpoint-client.mjs <endpoint-url> send|invalid");
  process.exit(2);
}

const client = new PinpointClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
});

async function send() {
  await client.send(
    new UpdateEndpointCommand({
      ApplicationId: APP,
      EndpointId: "sms-1",
      EndpointRequest: { ChannelType: "SMS", Address: "+12065550123", User: { UserId: "user-1" } },
    }),
  );
  await client.send(
    new UpdateEndpointCommand({
      ApplicationId: APP,
      EndpointId: "email-1",
      EndpointRequest: { ChannelType: "EMAIL", Address: "ana@example.com", User: { UserId: "user-1" } },
    }),
  );
  const output = await client.send(
    new SendUsersMessagesCommand({
      ApplicationId: APP,
      SendUsersMessageRequest: {
        MessageConfiguration: {
          SMSMessage: { Body: "Hi {{FirstName}}, your code is 1234", MessageType: "TRANSACTIONAL" },
          EmailMessage: {
            SimpleEmail: {
              Subject: { Data: "Your code" },
              TextPart: { Data: "Hi {{FirstName}}, your code is 1234" },
            },
          },
        },
        Users: { "user-1": { Substitutions: { FirstName: ["Ana"] } } },
      },
    }),
  );
  return { statusCode: output.$metadata.httpStatusCode, response: output.SendUsersMessageResponse };
}

async function invalid() {
  try {
    await client.send(
      new SendUsersMessagesCommand({
        ApplicationId: APP,
        SendUsersMessageRequest: {
          MessageConfiguration: { SMSMessage: { Body: "hi", MessageType: "PROMO" } },
          Users: { "user-1": {} },
        },
      }),
    );
  } catch (error) {
    return { name: error.name, statusCode: error.$metadata?.httpStatusCode, message: error.message };
  }
  throw new Error("the invalid request was accepted");
}

const result = await (scenario === "send" ? send() : invalid());
console.log(JSON.stringify(result, null, 2));
