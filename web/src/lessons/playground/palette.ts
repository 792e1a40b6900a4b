// The heatmap palette read from the design tokens (--pos, --neg, --forward), so canvases use the same
// colours as the rest of the app. Needs a DOM; call it after mount.
import { hexToRgb, type Palette } from './heatmap'

export function readPalette(el: Element = document.documentElement): Palette {
  const css = getComputedStyle(el)
  return {
    pos: hexToRgb(css.getPropertyValue('--pos')),
    neg: hexToRgb(css.getPropertyValue('--neg')),
    third: hexToRgb(css.getPropertyValue('--forward')),
  }
}
