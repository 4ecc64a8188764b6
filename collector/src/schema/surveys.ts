import { z } from '@hono/zod-openapi';
import type { SiteConfig, SurveyDefinition } from '@pulse/sdk/protocol';
import { FRICTION_SIGNALS } from '../aggregates/friction/signals';
import type { Agrees, Same } from './same';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');
const localized = z.union([
  z.string().min(1).max(500),
  z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale tag'), z.string().min(1).max(500)),
]);
const range = { min: z.number().optional(), max: z.number().optional() };
const questionBase = {
  id,
  text: localized,
  branch: z
    .array(z.strictObject({ ...range, goto: z.string().min(1).max(64) }))
    .max(20)
    .optional(),
};
const scoreBase = {
  ...questionBase,
  followUp: z
    .array(z.strictObject({ ...range, text: localized }))
    .max(10)
    .optional(),
};
const urlRule = z.strictObject({
  match: z.enum(['exact', 'prefix', 'contains', 'glob']),
  value: z.string().min(1).max(500),
});
const frictionSignal = z.enum(FRICTION_SIGNALS);

/** One question of a survey. */
export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...scoreBase, type: z.literal('nps') }),
  z.strictObject({ ...scoreBase, type: z.literal('csat'), style: z.enum(['faces', 'stars']).optional() }),
  z.strictObject({ ...scoreBase, type: z.literal('ces') }),
  z.strictObject({ ...scoreBase, type: z.literal('rating'), scale: z.number().int().min(3).max(10) }),
  z.strictObject({ ...questionBase, type: z.enum(['single', 'multi']), options: z.array(localized).min(2).max(20) }),
  z.strictObject({ ...questionBase, type: z.literal('text'), placeholder: localized.optional() }),
]);

/** What makes a survey show. */
export const TriggerSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('pageview') }),
  z.strictObject({ on: z.literal('delay'), seconds: z.number().min(0).max(3600) }),
  z.strictObject({ on: z.literal('scroll'), percent: z.number().min(0).max(100) }),
  z.strictObject({ on: z.literal('exit_intent') }),
  z.strictObject({ on: z.literal('event'), name: z.string().min(1).max(100) }),
  z.strictObject({ on: z.literal('click'), selector: z.string().min(1).max(300) }),
  z.strictObject({ on: z.literal('visit'), count: z.number().int().min(1).max(1000) }),
  z.strictObject({ on: z.literal('friction'), signals: z.array(frictionSignal).min(1).optional() }),
  z.strictObject({ on: z.literal('manual') }),
]);

/** A survey definition, as an admin sends it and as the config route serves it. */
export const SurveyDefinitionSchema = z
  .strictObject({
    id,
    name: z.string().max(200).optional(),
    questions: z.array(QuestionSchema).min(1).max(20),
    triggers: z.array(TriggerSchema).min(1).max(10),
    url: z.array(urlRule).max(50).optional(),
    targeting: z
      .strictObject({
        traits: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
        devices: z.array(z.enum(['mobile', 'tablet', 'desktop'])).optional(),
        locales: z.array(z.string().min(2).max(20)).optional(),
        visitor: z.enum(['new', 'returning']).optional(),
      })
      .optional(),
    throttle: z
      .strictObject({
        repeat: z
          .union([z.enum(['once', 'until_answered']), z.strictObject({ days: z.number().positive() })])
          .optional(),
        dismissCooldownDays: z.number().min(0).optional(),
      })
      .optional(),
    sample: z.number().min(0).max(1).optional(),
    display: z
      .strictObject({
        mode: z.enum(['card', 'inline', 'tab']),
        into: z.string().max(300).optional(),
        label: localized.optional(),
      })
      .optional(),
    thanks: localized.optional(),
  })
  .superRefine((survey, context) => {
    const ids = survey.questions.map((question) => question.id);
    ids.forEach((questionId, index) => {
      if (ids.indexOf(questionId) !== index)
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate question id ${questionId}`,
        });
    });
    survey.questions.forEach((question, index) => {
      const score = !['single', 'multi', 'text'].includes(question.type);
      const rules: [string, { min?: number; max?: number }[] | undefined][] = [
        ['branch', question.branch],
        ['followUp', 'followUp' in question ? question.followUp : undefined],
      ];
      for (const [field, list] of rules)
        list?.forEach((rule, ruleIndex) => {
          const path = ['questions', index, field, ruleIndex];
          if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
            context.addIssue({ code: 'custom', path: [...path, 'min'], message: 'must not be above max' });
          if (!score && (rule.min !== undefined || rule.max !== undefined))
            context.addIssue({
              code: 'custom',
              path: [...path, rule.min === undefined ? 'max' : 'min'],
              message: `a ${question.type} question has no score to compare`,
            });
        });
      question.branch?.forEach((rule, ruleIndex) => {
        const target = ids.indexOf(rule.goto);
        if (rule.goto !== 'end' && target <= index)
          context.addIssue({
            code: 'custom',
            path: ['questions', index, 'branch', ruleIndex, 'goto'],
            message:
              target < 0
                ? `no question has the id ${rule.goto}`
                : `must name a later question (${rule.goto} comes first)`,
          });
      });
    });
    if (survey.display?.mode === 'inline' && !survey.display.into)
      context.addIssue({ code: 'custom', path: ['display', 'into'], message: 'an inline survey needs a selector' });
  })
  .openapi('SurveyDefinition', {
    example: {
      id: 'nps',
      name: 'NPS',
      questions: [
        {
          id: 'score',
          type: 'nps',
          text: {
            en: 'How likely are you to recommend us to a friend?',
            de: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
          },
          followUp: [
            { max: 6, text: 'What should we fix first?' },
            { min: 7, text: 'What do you like most?' },
          ],
        },
      ],
      triggers: [{ on: 'visit', count: 2 }],
      throttle: { repeat: { days: 90 } },
      sample: 0.5,
    },
  });

/** Threshold overrides of a site. */
export const ThresholdsSchema = z
  .object({
    rageClick: z
      .object({
        clicks: z.number().int().min(2).max(20),
        radius: z.number().min(1).max(500),
        interval: z.number().min(50).max(10_000),
      })
      .partial(),
    deadClick: z.object({ wait: z.number().min(100).max(30_000) }).partial(),
    errorClick: z.object({ wait: z.number().min(100).max(30_000) }).partial(),
    jsError: z.object({ maxPerMessage: z.number().int().min(0).max(1000) }).partial(),
    quickBack: z.object({ within: z.number().min(500).max(60_000) }).partial(),
    excessiveScroll: z
      .object({ changes: z.number().int().min(2).max(100), within: z.number().min(100).max(60_000) })
      .partial(),
    session: z.object({ idleMinutes: z.number().min(1).max(1440) }).partial(),
    globalCooldownDays: z.number().min(0).max(365),
  })
  .partial()
  .openapi('Thresholds');

/** The pattern of a trait key: a letter, then up to 39 letters, digits, _ or -. */
export const TRAIT_KEY = '[A-Za-z][A-Za-z0-9_-]{0,39}';

/** A language tag (`de-DE`) or the prefix of one (`de`): a language, then up to three subtags. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

/** A trait key a site breaks its scores down by (`plan`, `role`): what `trait.<key>` names in a stats query. */
export const SegmentKeySchema = z
  .string()
  .regex(new RegExp(`^${TRAIT_KEY}$`), 'must be a letter, then up to 39 letters, digits, _ or -');

/** A site's segment keys: at most 5, each once. */
export const SegmentsSchema = z
  .array(SegmentKeySchema)
  .max(5)
  .refine((keys) => new Set(keys).size === keys.length, 'must not repeat a key')
  .openapi({
    description:
      'Trait keys (at most 5) that survey events carry from `identify`, for `trait.<key>` filters and breakdowns.',
    example: ['plan', 'role'],
  });

/** The body of the public config route. */
export const SiteConfigSchema = z
  .object({
    surveys: z.array(SurveyDefinitionSchema),
    preview: SurveyDefinitionSchema.optional().openapi({
      description: 'The survey a preview link shows at once; only with the `preview` query parameter.',
    }),
    thresholds: ThresholdsSchema,
    segments: SegmentsSchema.optional(),
  })
  .openapi('SiteConfig');

/** Compile-time proof that the survey and config schemas accept exactly what the SDK's types describe. */
export type SurveySchemaMatchesProtocol = Agrees<
  [
    Same<z.infer<typeof SurveyDefinitionSchema>, SurveyDefinition>,
    Same<z.infer<typeof SiteConfigSchema>, SiteConfig>,
  ] extends [true, true]
    ? true
    : false
>;
