import { Avatar, CloseButton, ColorInput, createTheme, darken, luminance, Menu, type CloseButtonProps, type CSSVariablesResolver, type MantineTheme } from "@mantine/core";

/** WCAG 2 AA for body text. */
const AA = 4.5;
/** Where text sits: white panels and the page's gray-0 background. The darker of the two decides. */
const PAGE = "#f8f9fa";
/** Secondary text (`c="dimmed"`, input descriptions, divider labels, placeholders): Mantine's gray-6 reads at 3.3:1 on white. */
const DIMMED = "#63696f";

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Null when `color` already reads against `background` (Mantine's default stays), else `color` darkened in small steps until it does. */
function readable(color: string, background: string): string | null {
  if (contrast(color, background) >= AA) return null;
  for (let amount = 0.04; amount < 1; amount += 0.04) {
    const darker = darken(color, amount);
    if (contrast(darker, background) >= AA) return darker;
  }
  return "#000000";
}

/**
 * Mantine's default palette puts several colours below AA in the light scheme (white on teal or red,
 * teal-9 on teal-1 in light badges, red-6 text on white). Each colour's variant variables are
 * darkened here only as far as AA needs, so every badge, alert, button and coloured text in the
 * product reads, and colours that already pass (the violet brand) are left exactly as they were.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme: MantineTheme) => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": DIMMED,
    "--mantine-color-placeholder": DIMMED,
    "--mantine-color-error": "var(--mantine-color-red-text)",
    "--mantine-color-success": "var(--mantine-color-teal-text)",
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    const filled = shades[6]!; // the primary shade, Mantine's default
    const set = (suffix: string, value: string | null) => {
      if (value) light[`--mantine-color-${name}-${suffix}`] = value;
    };
    const onFilled = readable(filled, "#ffffff");
    set("filled", onFilled);
    set("filled-hover", onFilled && darken(onFilled, 0.1));
    set("text", readable(filled, PAGE) ?? filled);
    set("outline", readable(filled, "#ffffff"));
    set("light-color", readable(shades[9]!, shades[1]!));
  }
  return { variables: {}, light, dark: {} };
};

/** Names for Mantine's icon-only buttons, in the reader's language. */
type Labels = { close: string; eyeDropper: string };

/** The product's typefaces, Korean's among them; canvas text (the stage's labels) names them too. */
export const UI_FONT_FAMILY = "Inter, 'Noto Sans KR', system-ui, -apple-system, 'Segoe UI', sans-serif";

/** The product's theme. `labels` name the icon-only buttons Mantine draws itself: every dialog's, drawer's and notification's close button, every colour field's eye dropper. */
export function createAppTheme(labels: Labels) {
  return createTheme({
    primaryColor: "violet",
    defaultRadius: "md",
    fontFamily: UI_FONT_FAMILY,
    headings: { fontWeight: "700" },
    // Where a component picks black or white text for itself (autoContrast), pick by WCAG: 0.179 is
    // the luminance at which black and white text contrast equally.
    luminanceThreshold: 0.179,
    components: {
      // Filled avatars take any colour (collaborators' presence colours): their initials go black or white, whichever reads.
      Avatar: Avatar.extend({ defaultProps: { autoContrast: true } }),
      // Props a component does not know reach its element; the type lists only CloseButton's own.
      CloseButton: CloseButton.extend({ defaultProps: { "aria-label": labels.close } as Partial<CloseButtonProps> }),
      ColorInput: ColorInput.extend({ defaultProps: { eyeDropperButtonProps: { "aria-label": labels.eyeDropper } } }),
      // The focus placeholder is a role=presentation child of role=menu, which ARIA does not allow;
      // without it, focus lands on the menu itself and the arrow keys move to the items.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  });
}
