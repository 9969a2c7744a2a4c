// The AWS SDK for JavaScript v3 (@aws-sdk/client-pinpoint-sms-voice-v2) against pinpoint-mock's
// server.
//
//   node tests/system/js/sms-voice-v2-client.mjs <endpoint-url> <scenario>
//
// (or AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 and SMS_SCENARIO in the environment). Scenarios:
//   send     a text, an SSML voice message and a media message; print their MessageIds
//   opt-out  create an opt-out list, put a number in the Default list, send to it; print the
//            error's {"name", "statusCode", "Reason", "ResourceType", "ResourceId"}
//   invalid  send with a bad number and message type; print the error's
//            {"name", "statusCode", "Reason", "Fields", "message"}
// Used by tests/system/test_sms_voice_v2_clients.py.
import {
  CreateOptOutListCommand,
  PinpointSMSVoiceV2Client,
  PutOptedOutNumberCommand,
  SendMediaMessageCommand,
  SendTextMessageCommand,
  SendVoiceMessageCommand,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";

const [
  endpoint = process.env.AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2,
  scenario = process.env.SMS_SCENARIO,
] = process.argv.slice(2);
if (!endpoint || !["send", "opt-out", "invalid"].includes(scenario)) {
  console.error("usage: node sms-voice-v2-client.mjs <endpoint-url> send|opt-out|invalid");
  process.exit(2);
}

const client = new PinpointSMSVoiceV2Client({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  maxAttempts: 1,
});

function failure(error) {
  return {
    name: error.name,
    statusCode: error.$metadata?.httpStatusCode,
    Reason: error.Reason,
    Fields: error.Fields,
    ResourceType: error.ResourceType,
    ResourceId: error.ResourceId,
    message: error.message,
  };
}

async function send() {
  const text = await client.send(
    new SendTextMessageCommand({
      DestinationPhoneNumber: "+12065550123",
      OriginationIdentity: "+12065551234",
      MessageBody: "Your code is 123456",
      MessageType: "TRANSACTIONAL",
      Context: { order: "o-1" },
    }),
  );
  const voice = await client.send(
    new SendVoiceMessageCommand({
      DestinationPhoneNumber: "+12065550123",
      OriginationIdentity: "+12065551234",
      MessageBody: "<speak>Your code is <say-as interpret-as='digits'>123456</say-as></speak>",
      MessageBodyTextType: "SSML",
      VoiceId: "JOANNA",
    }),
  );
  const media = await client.send(
    new SendMediaMessageCommand({
      DestinationPhoneNumber: "+12065550123",
      OriginationIdentity: "+12065551234",
      MessageBody: "Your ticket",
      MediaUrls: ["s3://tickets-bucket/ticket.png"],
    }),
  );
  return { text: text.MessageId, voice: voice.MessageId, media: media.MessageId };
}

async function optOut() {
  await client.send(new CreateOptOutListCommand({ OptOutListName: "js-list" }));
  await client.send(
    new PutOptedOutNumberCommand({ OptOutListName: "Default", OptedOutNumber: "+12065550199" }),
  );
  try {
    await client.send(
      new SendTextMessageCommand({ DestinationPhoneNumber: "+12065550199", MessageBody: "Hi" }),
    );
  } catch (error) {
    return failure(error);
  }
  return { name: "no error" };
}

async function invalid() {
  try {
    await client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: "12065550123",
        MessageBody: "Hi",
        MessageType: "PROMO",
      }),
    );
  } catch (error) {
    return failure(error);
  }
  return { name: "no error" };
}

const run = { send, "opt-out": optOut, invalid }[scenario];
console.log(JSON.stringify(await run()));
