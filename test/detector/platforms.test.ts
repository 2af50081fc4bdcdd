import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import { findPlatforms, normalisePlatform, PLATFORMS } from '../../src/detector/platforms.js';
import { tokenize } from '../../src/detector/tokens.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const platforms = (text: string) => detect(text, plan).decisions.filter((d) => d.category === 'platform');
const high = (text: string): string[] => platforms(text).filter((d) => d.confidence === 'high').map((d) => d.value);
const names = (text: string): string[] => findPlatforms(tokenize(text)).map((m) => m.info.name);

describe('platform names', () => {
  it('knows aliases and any case', () => {
    expect(names('skool, SKOOL, circle.so, fb groups, Mighty Networks, lemonsqueezy, KO-FI, buy me a coffee, Whop')).toEqual([
      'Skool',
      'Skool',
      'Circle',
      'Facebook Groups',
      'Mighty Networks',
      'Lemon Squeezy',
      'Ko-fi',
      'Buy Me a Coffee',
      'Whop',
    ]);
  });

  it('does not read everyday words as platforms', () => {
    expect(names("my inner circle, cut me some slack, a ghost town, a teachable moment, I live in Geneva")).toEqual([]);
    expect(names('going with circle, using Slack')).toEqual(['Circle', 'Slack']);
  });

  it('normalises a written name to its display name', () => {
    expect(normalisePlatform('fb group')).toBe('Facebook Groups');
    expect(normalisePlatform('LEMON SQUEEZY')).toBe('Lemon Squeezy');
    expect(normalisePlatform('Instagram')).toBeNull();
    expect(PLATFORMS.length).toBeGreaterThanOrEqual(25);
  });
});

describe('platform decisions', () => {
  it.each([
    ['Going with Skool.', ['Skool']],
    ["I've decided on Circle", ['Circle']],
    ["let's go with discord", ['Discord']],
    ['kajabi it is 🎉', ['Kajabi']],
    ["I'll host it on Mighty Networks and take payments through Stripe", ['Mighty Networks, Stripe']],
    ['Ko-fi for payments, Discord for community.', ['Ko-fi, Discord']],
    ['We are moving everything from Patreon to Skool', ['Skool']],
    ['After comparing everything I chose Skool over Circle.', ['Skool']],
    ["I'm not going to use Kajabi. Podia instead.", ['Podia']],
    ['Not Discord, not Slack — Skool.', ['Skool']],
    ["Payments will go through Lemon Squeezy, Stripe isn't available here", ['Lemon Squeezy']],
  ])('%s', (text, expected) => {
    expect(high(text)).toEqual(expected);
  });

  it('gives the rationale, also from a following "Because …" sentence', () => {
    expect(platforms('let\'s go with discord since my community already hangs out there')[0]?.rationale).toBe(
      'since my community already hangs out there',
    );
    expect(platforms("I'm going with Discord. Because that's where my people already are.")[0]).toMatchObject({
      value: 'Discord',
      confidence: 'high',
      rationale: "Because that's where my people already are",
      relatedTaskId: 't5',
    });
  });

  it('treats hedges as low or medium', () => {
    expect(platforms('thinking about Skool but not sure yet').every((d) => d.confidence === 'low')).toBe(true);
    expect(platforms('leaning towards Circle, it feels more premium')).toMatchObject([{ value: 'Circle', confidence: 'medium' }]);
    expect(platforms('I think I\'ll go with Circle')).toMatchObject([{ value: 'Circle', confidence: 'medium' }]);
  });

  it('never makes a question or a negation high', () => {
    for (const text of [
      'should I use Discord?',
      'Should I use Discord or Skool',
      "I won't use Patreon",
      'not Discord',
      'definitely not Skool',
      "I've decided NOT to use Discord",
      'no way I am using Patreon',
      'Would Slack work for a paid community?',
    ]) {
      expect(high(text), text).toEqual([]);
    }
  });

  it('ignores mentions in passing', () => {
    for (const text of [
      'my audience is on Instagram',
      'I watched a video about Circle',
      'A friend runs her community on Mighty Networks',
      "I'll ask my Discord mods what they think",
      "I'm going to compare Circle and Skool this weekend",
      'I used Discord for a year and it was chaos',
      'everyone keeps saying Skool Skool Skool 🙄',
    ]) {
      expect(high(text), text).toEqual([]);
    }
  });

  it('holds a set-up report to medium (the choice was probably recorded before)', () => {
    expect(platforms("I've set up the Skool group!")).toMatchObject([{ value: 'Skool', confidence: 'medium' }]);
  });
});
