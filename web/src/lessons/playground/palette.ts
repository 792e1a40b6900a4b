// The heatmap palette read from the design tokens (--pos, --neg and the class colours of
// components/charts/palette.ts), so canvases use the same colours as the rest of the app. Needs a DOM;
// call it after mount.
import { classColours, cssVar } from '../../components/charts/palette'
import { hexToRgb, type Palette } from './heatmap'

export function readPalette(el?: Element): Palette {
  return {
    pos: hexToRgb(cssVar('--pos', '', el)),
    neg: hexToRgb(cssVar('--neg', '', el)),
    classes: classColours(el).map(hexToRgb),
  }
}
