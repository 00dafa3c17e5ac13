"""A heatmap as one image: the browser draws one mark, not one per cell (#18). Lines over a plot of fixed size
(isolines) are one more image, drawn here: Vega would run its per-point code, interpreted in Streamlit's page,
over every point of them (about 0.2 s a cost surface in a new session, #18).

Vega's continuous colour schemes are lists of colours interpolated linearly in RGB (vega-scale's
``interpolateColors``); the two used here are copied from it, so the image and the legend Vega draws for the same
scale agree. The legend comes from a layer of cells of no area at the plot's corner, coloured by that scale.
"""

import base64
import io

import altair as alt
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

#: vega-scale's continuous schemes, as it stores them: six hex digits per colour, evenly spaced over [0, 1].
SCHEMES = {
    "viridis": "440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e21918d1f98"
               "8b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51afde725",
    "blueorange": "134b852f78b35da2cb9dcae1d2e5eff2f0ebfce0bafbbf74e8932fc5690d994a07",
}


def hex_rgb(digits):
    """[(r, g, b)] of a run of six-hex-digit colours, a leading "#" allowed: "#d62728" -> [(214, 39, 40)]."""
    digits = digits.lstrip("#")
    return [tuple(int(digits[i + c:i + c + 2], 16) for c in (0, 2, 4)) for i in range(0, len(digits), 6)]


def scheme_colours(scheme, t):
    """RGB (…, 3) uint8 of ``scheme`` at t in [0, 1] (clipped): piecewise linear between its colours."""
    stops = np.array(hex_rgb(SCHEMES[scheme]))
    positions = np.linspace(0, 1, len(stops))
    t = np.clip(np.nan_to_num(t, nan=0.0), 0, 1)
    return np.stack([np.interp(t, positions, stops[:, c]) for c in range(3)], axis=-1).round().astype(np.uint8)


def png_url(rgb):
    """A data URL of the PNG of ``rgb`` (rows, columns, 3) uint8, or grey and alpha (…, 2), row 0 at the top."""
    buffer = io.BytesIO()
    mode = {2: "LA", 3: "RGB"}[rgb.shape[-1]]
    Image.fromarray(np.ascontiguousarray(rgb), mode).save(buffer, format="PNG")  # optimize: 5x the time, 0.2% smaller
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def line_drawing(lines, x_span, y_span, pixels, width, supersample=2):
    """Grey and alpha (pixels, pixels, 2) uint8: ``lines`` [points (k, 2)] over x_span × y_span, ``width`` pixels
    wide in white, elsewhere transparent; row 0 for the lowest y, as ``image`` takes it. Anti-aliased:
    drawn ``supersample`` times larger, then each block of pixels averaged.

    >>> line_drawing([[[0, 0.5], [1, 0.5]]], (0, 1), (0, 1), 4, 1)[..., 1]  # one pixel wide, between rows 1 and 2
    array([[  0,   0,   0,   0],
           [128, 128, 128, 128],
           [128, 128, 128, 128],
           [  0,   0,   0,   0]], dtype=uint8)
    """
    size = pixels * supersample
    canvas = Image.new("L", (size, size))
    draw = ImageDraw.Draw(canvas)
    for points in lines:
        points = np.reshape(points, (-1, 2))
        u = (points[:, 0] - x_span[0]) / (x_span[1] - x_span[0]) * size - 0.5  # PIL: pixel i's centre at i
        v = (points[:, 1] - y_span[0]) / (y_span[1] - y_span[0]) * size - 0.5
        draw.line(list(zip(u.tolist(), v.tolist())), fill=255, width=max(1, round(width * supersample)),
                  joint="curve")
    alpha = np.asarray(canvas.resize((pixels, pixels), Image.Resampling.BOX))
    return np.dstack([np.full_like(alpha, 255), alpha])


def polylines(lines, x_name, y_name):
    """Lines [points (k, 2)] drawn over a map of varying width (boundaries) as one frame: x, y, ``line`` (which line)
    and ``order`` (the point's place on it), for one layer with ``detail`` line and ``order`` order, however many lines.
    Single precision: they are sent again on every rerun.

    >>> polylines([[[0, 0], [1, 1]], [[2, 2]]], "w", "b").to_dict("list")
    {'w': [0.0, 1.0, 2.0], 'b': [0.0, 1.0, 2.0], 'line': [0, 0, 1], 'order': [0, 1, 0]}
    """
    points = np.concatenate([np.empty((0, 2))] + [np.reshape(line, (-1, 2)) for line in lines]).astype(np.float32)
    sizes = [len(line) for line in lines]
    first = np.repeat(np.cumsum(sizes) - sizes, sizes)  # each point's line's first row
    return pd.DataFrame({x_name: points[:, 0], y_name: points[:, 1],
                         "line": np.repeat(np.arange(len(lines)), sizes).astype(np.int32),
                         "order": (np.arange(len(points)) - first).astype(np.int32)})


def _field(channel):
    return channel.shorthand.split(":")[0]


def image(rgb, x_span, y_span, x, y, opacity=1.0):
    """``rgb`` (rows, columns, 3), or grey and alpha (…, 2), row 0 for the lowest y, stretched over x_span × y_span
    (data units) on the scales of the channels ``x`` and ``y`` (alt.X, alt.Y, whose fields name its corners), clipped
    to the plot."""
    x_name, y_name = _field(x), _field(y)
    corners = pd.DataFrame({x_name: [x_span[0]], f"{x_name}_end": [x_span[1]], y_name: [y_span[0]],
                            f"{y_name}_end": [y_span[1]], "url": [png_url(rgb[::-1])]})
    return alt.Chart(corners).mark_image(aspect=False, clip=True, opacity=opacity).encode(
        x=x, x2=alt.X2(f"{x_name}_end"), y=y, y2=alt.Y2(f"{y_name}_end"), url=alt.Url("url:N"))


def legend(values, colour, x, y, corner, opacity=1.0):
    """A layer that draws nothing but ``colour``'s legend (at ``opacity``, the image's): one cell of no area at
    ``corner`` (x, y) per value."""
    x_name, y_name, name = _field(x), _field(y), _field(colour)
    frame = pd.DataFrame({name: list(values), x_name: corner[0], y_name: corner[1]})
    return alt.Chart(frame).mark_rect(clip=True, opacity=opacity).encode(x=x, x2=alt.X2(x_name), y=y, y2=alt.Y2(y_name),
                                                                       color=colour)
