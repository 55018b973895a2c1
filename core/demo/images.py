import hashlib
import io

from PIL import Image as PillowImage
from PIL import ImageDraw


def draw_image(seed, size=(1200, 675)):
    """An abstract, deterministic illustration: bands and circles in colours from the seed."""
    digest = hashlib.sha256(seed.encode()).digest()
    palette = [tuple(digest[i : i + 3]) for i in range(0, 24, 3)]
    image = PillowImage.new("RGB", size, palette[0])
    draw = ImageDraw.Draw(image)
    width, height = size
    for band in range(6):
        top = band * height // 6
        draw.rectangle([0, top, width, top + height // 6], fill=palette[band % len(palette)])
    for circle in range(5):
        x = digest[8 + circle] * width // 255
        y = digest[13 + circle] * height // 255
        radius = 60 + digest[18 + circle] // 2
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=palette[-1 - circle])
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer
