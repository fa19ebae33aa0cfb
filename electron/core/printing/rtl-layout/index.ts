export { analyzeParagraph, isolateLtr, isolateRtl, BIDI_CONTROLS, type Direction, type Paragraph } from './paragraph';
export { glyphRuns, visualLevelRuns, reverseGraphemes, hasRtlScript, type GlyphRun, type LevelRun } from './visual-runs';
export { wrapParagraph, type LineRange, type Measure } from './wrap';
export {
  drawRtlText,
  layoutRtlText,
  measureRtlText,
  paintTextLayout,
  printable,
  widthOf,
  drawnWidth,
  type Align,
  type PlacedLine,
  type PlacedRun,
  type RtlTextOptions,
  type TextLayout,
} from './draw-rtl-text';
