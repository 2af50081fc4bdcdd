// coach config get|set|list|unset|set-key
import { Command } from 'commander';
import { isSettingKey, parseSettingValue, SETTING_HELP, SETTING_KEYS, type SettingKey } from '../config/settings.js';
import { readSecret } from '../config/secret.js';
import { maskKey, UsageError } from '../errors.js';
import { act, examples, jsonOption } from './shared.js';

function key(raw: string): SettingKey {
  if (!isSettingKey(raw)) throw new UsageError(`unknown setting "${raw}": one of ${SETTING_KEYS.join(', ')}`);
  return raw;
}

export function registerConfig(program: Command): void {
  const config = program.command('config').description('settings (stored 0600 in the data directory; env vars override)');
  examples(config, ['coach config list', 'coach config set dailyMessageLimit 100', 'coach config set-key < key.txt']);

  examples(config.command('list').description('every setting, its value and where it comes from').addOption(jsonOption()), ['coach config list', 'coach config list --json'])
    .action(act(({ ctx, out, json }) => {
      const rows = ctx.settings.describe();
      const apiKey = ctx.settings.apiKey();
      if (json) return out.json({ settings: rows, apiKey: apiKey ? { present: true, masked: maskKey(apiKey.key), source: apiKey.source } : { present: false }, file: ctx.settings.file });
      out.line(out.table(['Setting', 'Value', 'Source', 'Meaning'], [
        ...rows.map((r) => [r.key, r.value === null ? 'off' : String(r.value), r.source, SETTING_HELP[r.key]]),
        ['apiKey', apiKey ? maskKey(apiKey.key) : '—', apiKey?.source ?? '', 'Anthropic API key (`coach config set-key`)'],
      ], { align: ['left', 'left', 'left', 'left'], drop: [undefined, undefined, 2, 1] }));
    }));

  examples(config.command('get').argument('<key>', 'setting name').description('print one setting').addOption(jsonOption()), ['coach config get model', 'coach config get dailyMessageLimit --json'])
    .action(act(({ ctx, out, json }, raw: string) => {
      const k = key(raw);
      const value = ctx.settings.get(k);
      if (json) return out.json({ key: k, value });
      out.line(value === null ? 'off' : String(value));
    }));

  examples(config.command('set').argument('<key>', 'setting name').argument('<value>', 'new value').description('change a setting (validated)').addOption(jsonOption()),
    ['coach config set dailyMessageLimit 100', 'coach config set model claude-haiku-4-5', 'coach config set dailyCostCapUSD off --json'])
    .action(act(async ({ ctx, out, json }, raw: string, value: string) => {
      const k = key(raw);
      // The value before (null when the file holds a bad one: setting this key is how it is fixed).
      let previous: unknown = null;
      try {
        previous = ctx.settings.get(k);
      } catch {
        previous = null;
      }
      try {
        parseSettingValue(k, value);
      } catch (err) {
        // Name the value and the allowed range: "dailyMessageLimit cannot be -1: … (allowed: 1–100000)".
        if (err instanceof UsageError) throw new UsageError(`${k} cannot be ${JSON.stringify(value)}: ${err.message.replace(`${k}: `, '')}`, { hint: `allowed: ${SETTING_HELP[k]}` });
        throw err;
      }
      // The value is valid: what can still fail is the file (a bad value in it, an unwritable dir).
      const saved = await ctx.settings.set(k, value);
      const overriding = ctx.settings.describe().find((r) => r.key === k)?.source;
      if (json) out.json({ key: k, value: saved, previous, source: overriding ?? 'file' });
      else out.success(`${k} = ${saved === null ? 'off' : saved}`);
      if (overriding?.startsWith('env:')) out.warn(`${overriding.slice(4)} is set and overrides this setting`);
    }));

  examples(config.command('unset').argument('<key>', 'setting name').description('back to the default').addOption(jsonOption()), ['coach config unset dailyMessageLimit'])
    .action(act(async ({ ctx, out, json }, raw: string) => {
      const k = key(raw);
      const previous = ctx.settings.get(k);
      await ctx.settings.unset(k);
      if (json) return out.json({ key: k, value: ctx.settings.get(k), previous, source: ctx.settings.describe().find((r) => r.key === k)?.source ?? 'default' });
      out.success(`${k} reset to its default`);
    }));

  examples(config.command('set-key').description('store your Anthropic API key (read from stdin, never echoed)').option('--clear', 'remove the stored key').addOption(jsonOption()),
    ['coach config set-key', 'coach config set-key < ~/anthropic-key.txt', 'coach config set-key --clear'])
    .action(act(async ({ ctx, out, json }, opts: { clear?: boolean }) => {
      if (opts.clear) {
        await ctx.settings.clearApiKey();
        if (json) return out.json({ apiKey: { present: false }, file: ctx.settings.file });
        return out.success('Stored API key removed');
      }
      const secret = (await readSecret('Anthropic API key: ')).trim();
      if (!secret) throw new UsageError('no key given');
      if (/\s/.test(secret) || secret.length < 20) throw new UsageError('that does not look like an API key (expected one line like sk-ant-…)');
      await ctx.settings.setApiKey(secret);
      if (json) return out.json({ apiKey: { present: true, masked: maskKey(secret), source: 'settings file' }, file: ctx.settings.file });
      out.success(`Stored key ${maskKey(secret)} in ${ctx.settings.file} (mode 0600)`);
    }));
}
