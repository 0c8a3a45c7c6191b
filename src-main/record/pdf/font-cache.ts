import fontkit from '@pdf-lib/fontkit';

type Font = ReturnType<typeof fontkit.create>;
type GlyphRun = ReturnType<Font['layout']>;

/**
 * pdf-lib writes glyph ids and advance widths only, never the positions fontkit works out, so
 * kerning and mark positioning change nothing in the file; skipping them halves layout time.
 */
export const NO_POSITIONING = {
  kern: false,
  mark: false,
  mkmk: false,
  dist: false,
  abvm: false,
  blwm: false,
};

const MAX_REMEMBERED = 20_000;

/** Word widths by font file, shared by every record made with the same fonts. */
const widthsByFont = new WeakMap<Uint8Array, Map<string, number>>();
export function widthsOf(bytes: Uint8Array): Map<string, number> {
  let widths = widthsByFont.get(bytes);
  if (!widths) {
    widths = new Map();
    widthsByFont.set(bytes, widths);
  }
  return widths;
}

/**
 * fontkit parses the whole DejaVu font each time pdf-lib embeds it, and lays out every line it
 * draws; records repeat the same criteria, headings and statements, so a batch parses the font
 * once and lays out each line once. The parsed font and its glyph runs are only read from: each
 * document still makes its own subset from the glyphs.
 */
const parsed = new WeakMap<Uint8Array, Font>();

function remembering(font: Font): Font {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, features) => {
    if (features !== NO_POSITIONING) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size > MAX_REMEMBERED) runs.clear();
      run = layout(text, features);
      runs.set(text, run);
    }
    return run;
  };
  return font;
}

export const cachingFontkit: typeof fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName) return fontkit.create(bytes, postscriptName);
    let font = parsed.get(bytes);
    if (!font) {
      font = remembering(fontkit.create(bytes));
      parsed.set(bytes, font);
    }
    return font;
  },
};
