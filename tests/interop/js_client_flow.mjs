// The whole flow of PROTOCOL.md from the JavaScript socket.io-client, against a stand-in.
// Usage: node js_client_flow.mjs URL TOKEN TRANSPORT   (prints one JSON line of findings)
import { io } from "socket.io-client";

const [url, token, transport] = process.argv.slice(2);
const socket = io(url, { transports: transport === "websocket" ? ["websocket"] : ["polling", "websocket"] });
const found = { elevated: false, guilds: 0, logActions: 0, botReply: null, error401: false };
const once = (event) => new Promise((resolve) => socket.once(event, resolve));
const fail = (why) => { console.error(why); process.exit(1); };
setTimeout(() => fail("timed out: " + JSON.stringify(found)), 15000);

socket.on("connect_error", (error) => fail("connect_error: " + error.message));
await once("connect");

socket.emit("spectate", { guild_id: "1" });
const refused = await once("error");
found.error401 = refused.code === 401;

socket.emit("request_elevation", { token });
const elevation = await once("request_elevation_return");
found.elevated = elevation.success === true && elevation.room === `${socket.id}_auth`;

socket.emit("pool_all_request", { type: "guild", guildId: null, _id: 1 });
const guilds = [];
for (;;) {
  const reply = await once("pool_response");
  guilds.push(...reply.data);
  if (reply.finished) break;
}
found.guilds = guilds.length;

const actions = new Promise((resolve) => {
  socket.on("log_pool", (payload) => {
    if (payload.guild_id === guilds[0].id && typeof payload.log_action.id === "string") found.logActions += 1;
    if (found.logActions === 30) resolve();
  });
});
socket.emit("spectate", { guild_id: guilds[0].id, non_pool: true });
await actions;

socket.emit("mock_user_event", { guild_id: 42, content: "!help", message_id: 0 });
const reply = await once("mock_bot_event");
found.botReply = { id: reply.message_id, edit: reply.edit, mentionsPoll: reply.content.includes("poll") };

console.log(JSON.stringify(found));
socket.close();
process.exit(0);
