"use client";

import { Accordion, ActionIcon, Button, Group, NumberInput, SegmentedControl, Select, Slider, Stack, Switch, Text, Textarea, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDice5, IconSparkles } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../_lib/errors";
import { sizeForAspect, sizes } from "./sizes";
import { useTRPC } from "../../_lib/trpc";
import type { GenerationSettings, ModelOptions } from "./generatedImage";
import { PrintOutputFields, type PrintOutputChoice } from "./PrintOutputFields";

type FormState = {
  prompt: string;
  negativePrompt: string;
  steps: number;
  guidance: number;
  /** Empty: a new random seed for every generation. */
  seed: number | "";
  size: string;
  count: number;
  scheduler: string;
  /** Each image made print-ready: 16× larger with its background cut out. */
  upscale: boolean;
  /** The print-ready image as a raster or a vector, and a vector's colours. */
  print: PrintOutputChoice;
};

const SCHEDULER_LABELS: Record<string, string> = { ddim: "DDIM", euler_a: "Euler ancestral", lcm: "LCM" };

function defaults(model: ModelOptions): FormState {
  return { prompt: "", negativePrompt: "", steps: model.defaults.steps, guidance: model.defaults.guidance, seed: "", size: `${model.width}×${model.height}`, count: 1, scheduler: model.defaults.scheduler, upscale: false, print: { output: "raster", colors: null } };
}

/** Prompt first, the rest folded away; ⌘/Ctrl+Enter generates. `reuse` fills it from an earlier image. */
type FormProps = {
  canvasId: string;
  model: ModelOptions;
  reuse: { settings: GenerationSettings; nonce: number } | null;
  /** The print area in view (width ÷ height and its name), whose shape the size follows. */
  printArea?: { aspect: number; name: string } | null;
};

export function GenerationForm({ canvasId, model, reuse, printArea }: FormProps) {
  const { t, names } = useI18n();
  const trpc = useTRPC();
  const [form, setForm] = useState<FormState>(() => defaults(model));
  const [advanced, setAdvanced] = useState<string | null>(null);
  const create = useMutation(trpc.generation.create.mutationOptions());
  const errors = fieldErrors(create.error);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const proposed = printArea ? sizeForAspect(model, printArea.aspect) : null;
  useEffect(() => {
    if (proposed) setForm((f) => ({ ...f, size: proposed }));
  }, [proposed]);

  useEffect(() => {
    if (!reuse) return;
    const s = reuse.settings;
    setForm((f) => ({ ...f, prompt: s.prompt, negativePrompt: s.negativePrompt, steps: s.steps, guidance: s.guidance, seed: s.seed, size: `${s.width}×${s.height}`, scheduler: s.scheduler }));
    setAdvanced("advanced");
  }, [reuse]);

  const submit = () => {
    if (!form.prompt.trim() || create.isPending) return;
    const [width, height] = form.size.split("×").map(Number);
    create.mutate(
      {
        canvasId,
        prompt: form.prompt,
        negativePrompt: form.negativePrompt || undefined,
        steps: form.steps,
        guidance: form.guidance,
        seed: form.seed === "" ? undefined : form.seed,
        width,
        height,
        count: form.count,
        scheduler: form.scheduler as "ddim",
        upscale: form.upscale || undefined,
        ...(form.upscale && form.print.output === "vector" ? { output: "vector" as const, colors: form.print.colors } : {}),
      },
      { onError: (e) => notifications.show({ color: "red", title: t("generate.failedToQueue"), message: errorMessage(e, t) }) },
    );
  };

  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="generation-form">
      <Textarea
        label={t("generate.prompt")}
        placeholder={t("generate.promptPlaceholder")}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={model.limits.prompt}
        value={form.prompt}
        error={errors.prompt}
        onChange={(e) => set({ prompt: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            submit();
          }
        }}
        data-testid="prompt"
      />
      <Accordion value={advanced} onChange={setAdvanced} variant="contained" radius="md" chevronPosition="right">
        <Accordion.Item value="advanced">
          <Accordion.Control py={0}>
            <Text size="sm">{t("generate.advanced")}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Textarea label={t("generate.negativePrompt")} placeholder={t("generate.negativePlaceholder")} autosize minRows={1} maxRows={4} maxLength={model.limits.prompt} value={form.negativePrompt} error={errors.negativePrompt} onChange={(e) => set({ negativePrompt: e.currentTarget.value })} />
              <div>
                <Text size="xs" fw={500}>{t("generate.steps", { steps: form.steps })}</Text>
                <Slider min={1} max={Math.min(model.limits.steps, 60)} value={form.steps} thumbLabel={t("generate.provenance.steps")} onChange={(steps) => set({ steps })} label={null} />
              </div>
              <div>
                <Text size="xs" fw={500}>{t("generate.guidance", { guidance: form.guidance.toFixed(1) })}</Text>
                <Slider min={0} max={Math.min(model.limits.guidance, 15)} step={0.5} value={form.guidance} thumbLabel={t("generate.provenance.guidance")} onChange={(guidance) => set({ guidance })} label={null} />
              </div>
              <Group gap={6} align="flex-end" wrap="nowrap">
                <NumberInput
                  style={{ flex: 1 }}
                  size="xs"
                  label={t("generate.seed")}
                  placeholder={t("generate.seedRandom")}
                  min={0}
                  max={model.limits.seed}
                  allowDecimal={false}
                  allowNegative={false}
                  value={form.seed}
                  error={errors.seed}
                  onChange={(v) => set({ seed: typeof v === "number" ? v : "" })}
                  data-testid="seed"
                />
                <Tooltip label={t("generate.dice")}>
                  <ActionIcon variant="default" size={30} aria-label={t("generate.dice")} onClick={() => set({ seed: Math.floor(Math.random() * model.limits.seed) })}>
                    <IconDice5 size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Group grow>
                <Select
                  size="xs"
                  label={t("generate.size")}
                  data={[...new Set([...(proposed ? [proposed] : []), ...sizes(model)])]}
                  value={form.size}
                  allowDeselect={false}
                  onChange={(v) => v && set({ size: v })}
                  error={errors.width ?? errors.height}
                  description={printArea ? (proposed ? t("generate.sizeForArea", { area: names.area(printArea.name) }) : t("generate.sizeFixed", { size: `${model.width}×${model.height}` })) : undefined}
                  data-testid="generate-size"
                />
                <Select size="xs" label={t("generate.scheduler")} data={model.schedulers.map((s) => ({ value: s, label: SCHEDULER_LABELS[s] ?? s }))} value={form.scheduler} allowDeselect={false} onChange={(v) => v && set({ scheduler: v })} />
              </Group>
              <div>
                <Text size="xs" fw={500} mb={4}>{t("generate.count")}</Text>
                <SegmentedControl size="xs" fullWidth value={String(form.count)} onChange={(v) => set({ count: Number(v) })} data={Array.from({ length: model.limits.count }, (_, i) => String(i + 1))} />
              </div>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Switch
        size="sm"
        label={t("generate.printReady")}
        description={t("generate.printReadyHint", { width: Number(form.size.split("×")[0]) * 16, height: Number(form.size.split("×")[1]) * 16 })}
        checked={form.upscale}
        onChange={(e) => set({ upscale: e.currentTarget.checked })}
        data-testid="print-ready-switch"
      />
      {form.upscale && <PrintOutputFields value={form.print} onChange={(print) => set({ print })} />}
      <Button type="submit" leftSection={<IconSparkles size={16} />} loading={create.isPending} disabled={!form.prompt.trim()} data-testid="generate-button">
        {t("generate.submit")}
      </Button>
      <Text size="xs" c="dimmed" ta="center" data-testid="model-note">
        {t("generate.modelNote", { model: model.name })}
        <span className="keyboard-hint"> · {t("generate.shortcutHint")}</span>
      </Text>
    </Stack>
  );
}
