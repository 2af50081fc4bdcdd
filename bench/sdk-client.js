// Baseline of benchmark 4: the plainest client of the same reply, a node process that streams one
// message with @anthropic-ai/sdk from ANTHROPIC_BASE_URL and prints the text. What `coach ask`
// costs beyond this is the coach's overhead (settings, store, prompt, reservation, persistence).
// Prints the stream's own duration (request sent → last event) on stderr as `stream_ms=N`.
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, baseURL: process.env.ANTHROPIC_BASE_URL, maxRetries: 0 });
const t0 = performance.now();
const stream = await client.messages.create({
  model: 'claude-sonnet-4-6',
  max_tokens: 4096,
  stream: true,
  system: [{ type: 'text', text: 'You are a coach.', cache_control: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: 'Plan my launch week' }],
});
for await (const event of stream) {
  if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') process.stdout.write(event.delta.text);
}
process.stdout.write('\n');
process.stderr.write(`stream_ms=${(performance.now() - t0).toFixed(1)}\n`);
