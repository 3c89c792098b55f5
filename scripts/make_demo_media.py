"""Make the demo site's own media files in builder/demo/media/.

The demo content needs a short film with captions, a poster, three podcast episodes and a
podcast cover. They have to be made by the project itself: nothing may be downloaded when
the demo is built, and borrowed material would bring its own licence. So everything here is
synthesised: slides of text drawn with the DejaVu fonts in courses/fonts/, sine-tone audio,
and captions and transcripts written below. The ffmpeg binary comes from the PyPI package
imageio-ffmpeg (requirements-dev.txt); Pillow (a Wagtail dependency) writes the JPEGs.

Parameters are fixed and metadata is stripped, so a run with the same ffmpeg gives the same
files. Run it from anywhere after changing the slides, captions or transcripts:

    .venv/bin/python scripts/make_demo_media.py
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_media_content import EPISODES, PODCAST_TRANSCRIPTS, SLIDES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "builder" / "demo" / "media"
FONTS = ROOT / "courses" / "fonts"
FONT = FONTS / "DejaVuSans.ttf"
FONT_BOLD = FONTS / "DejaVuSans-Bold.ttf" if (FONTS / "DejaVuSans-Bold.ttf").exists() else FONT

# Colours: white text on dark blue and dark teal (contrast well above WCAG AAA's 7:1).
NAVY = "0x0B2540"
TEAL = "0x0B4A52"
ACCENT = "0x8FE3D9"
WHITE = "0xFFFFFF"

FILM_SIZE = (640, 360)
POSTER_SIZE = (1280, 720)
COVER_SIZE = 1400
FPS = 25
FADE = 0.4  # seconds the slide text takes to fade in and out
JPEG_QUALITY = 80
BITEXACT = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]


class MediaError(Exception):
    pass


def ffmpeg_exe():
    try:
        import imageio_ffmpeg
    except ImportError as error:
        raise MediaError(
            "imageio-ffmpeg is not installed: pip install -r requirements-dev.txt"
        ) from error
    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args):
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
    except subprocess.CalledProcessError as error:
        last = (error.stderr or "").strip().splitlines()
        raise MediaError(f"ffmpeg failed: {last[-1] if last else error}") from error


def escape(value):
    """Escape an option value for an ffmpeg filtergraph (both quoting levels)."""
    value = str(value)
    for char in "\\':":
        value = value.replace(char, "\\" + char)
    for char in "\\'[],;":
        value = value.replace(char, "\\" + char)
    return value


def text_file(tmp, text):
    """Write text to a file for drawtext's textfile=, so no letter needs escaping."""
    path = tmp / f"text{len(list(tmp.glob('text*.txt'))):03d}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def drawtext(tmp, text, font, size, color, y, enable=None, alpha=None, x="(w-text_w)/2"):
    options = {
        "fontfile": escape(font),
        "textfile": escape(text_file(tmp, text)),
        "expansion": "none",
        "fontsize": size,
        "fontcolor": color,
        "y_align": "font",
        "x": escape(x),
        "y": escape(y),
    }
    if enable:
        options["enable"] = escape(enable)
    if alpha:
        options["alpha"] = escape(alpha)
    return "drawtext=" + ":".join(f"{key}={value}" for key, value in options.items())


def slide_times():
    start = 0.0
    for slide in SLIDES:
        yield slide, start, start + slide.seconds
        start += slide.seconds


def film_seconds():
    return sum(slide.seconds for slide in SLIDES)


def slide_filters(tmp, slide, start, end, height, fade=True):
    """The filters that draw one slide's background and text, shown from start to end.

    Sizes are designed for a 360 pixel high frame and scaled to height.
    """

    def px(size):
        return round(size * height / 360)

    window = f"between(t,{start},{end})" if fade else None
    enable = f":enable={escape(window)}" if window else ""
    # The text fades in and out between slides, but is there from the film's first frame.
    fade_in = f"(t-{start})/{FADE}" if start > 0 else "1"
    fade_out = f"({end}-t)/{FADE}" if end < film_seconds() else "1"
    alpha = f"clip(min({fade_in},{fade_out}),0,1)" if fade else None
    when = {"enable": window, "alpha": alpha}
    background = NAVY if SLIDES.index(slide) % 2 == 0 else TEAL
    filters = [
        f"drawbox=x=0:y=0:w=iw:h=ih:c={background}:t=fill{enable}",
        # A thin accent bar under the label.
        f"drawbox=x=(iw-{px(60)})/2:y={px(96)}:w={px(60)}:h={max(2, px(3))}"
        f":c={ACCENT}:t=fill{enable}",
        drawtext(tmp, slide.label, FONT, px(20), ACCENT, px(64), **when),
    ]
    line_height = px(46)
    top = (height - line_height * len(slide.lines)) / 2 + px(20)
    for number, line in enumerate(slide.lines):
        y = round(top + number * line_height)
        filters.append(drawtext(tmp, line, FONT_BOLD, px(34), WHITE, y, **when))
    filters.append(drawtext(tmp, slide.footer, FONT, px(16), ACCENT, px(312), window))
    return filters


def progress_filters(tmp):
    """The time in the bottom right corner (the progress bar is an overlay, see make_film)."""
    total = film_seconds()
    clock = text_file(tmp, f"%{{eif:t/60:d}}:%{{eif:mod(t,60):d:2}} / 0:{int(total):02d}")
    timer = (
        f"drawtext=fontfile={escape(FONT)}:textfile={escape(clock)}:expansion=normal"
        f":fontsize=14:fontcolor={WHITE}:x=w-text_w-14:y=h-text_h-16"
    )
    return [timer]


def make_film(tmp, path):
    width, height = FILM_SIZE
    seconds = film_seconds()
    filters = []
    for slide, start, end in slide_times():
        filters += slide_filters(tmp, slide, start, end, height)
    slides = f"color=c={NAVY}:s={width}x{height}:r={FPS}:d={seconds}," + ",".join(filters)
    # The progress bar: a strip sliding in from the left along the bottom edge.
    bar = f"color=c={ACCENT}:s={width}x6:r={FPS}:d={seconds}"
    slide_in = escape(f"-W+W*t/{seconds}")
    timer = ",".join(progress_filters(tmp))
    video = f"{slides}[slides];{bar}[bar];[slides][bar]overlay=x={slide_in}:y=H-6,{timer}"
    # A quiet A major chord with a slow swell: something to hear, nothing to listen to.
    chord = "+".join(
        f"{level}*sin(2*PI*{freq}*t)"
        for freq, level in ((110.0, 0.05), (164.81, 0.04), (220.0, 0.035), (277.18, 0.025))
    )
    audio = (
        f"aevalsrc={escape(f'({chord})*(0.75+0.25*sin(2*PI*t/6))')}:s=44100:d={seconds},"
        f"afade=t=in:d=1.5,afade=t=out:st={seconds - 2}:d=2"
    )
    script = tmp / "film.filters"
    script.write_text(f"{video}[v];{audio}[a]", encoding="utf-8")
    run_ffmpeg(
        [
            "-/filter_complex",
            str(script),
            "-map",
            "[v]",
            "-map",
            "[a]",
            *("-c:v", "libx264", "-profile:v", "main", "-preset", "slow", "-crf", "32"),
            *("-pix_fmt", "yuv420p", "-g", str(FPS * 2), "-threads", "1"),
            *("-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", "44100"),
            *("-map_metadata", "-1", *BITEXACT, "-movflags", "+faststart"),
            str(path),
        ]
    )


def save_jpeg(png, path):
    with Image.open(png) as image:
        image.convert("RGB").save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)


def make_poster(tmp, path):
    width, height = POSTER_SIZE
    slide = SLIDES[0]
    filters = slide_filters(tmp, slide, 0, slide.seconds, height, fade=False)
    png = tmp / "poster.png"
    run_ffmpeg(
        [
            *("-f", "lavfi", "-i", f"color=c={NAVY}:s={width}x{height}:d=1"),
            *("-vf", ",".join(filters), "-frames:v", "1", *BITEXACT, str(png)),
        ]
    )
    save_jpeg(png, path)


def make_cover(tmp, path):
    size = COVER_SIZE
    filters = [
        f"drawbox=x=0:y=0:w=iw:h=ih*0.62:c={NAVY}:t=fill",
        f"drawbox=x=0:y=ih*0.62:w=iw:h=ih*0.38:c={TEAL}:t=fill",
        f"drawbox=x=(iw-220)/2:y=ih*0.62-6:w=220:h=12:c={ACCENT}:t=fill",
        # Five bars of a sound wave, a simple podcast sign.
        *(
            f"drawbox=x=(iw-{w})/2+{dx}:y={y0}:w={w}:h={h}:c={ACCENT}:t=fill"
            for dx, y0, w, h in (
                (-150, 330, 36, 120),
                (-75, 270, 36, 240),
                (0, 220, 36, 340),
                (75, 270, 36, 240),
                (150, 330, 36, 120),
            )
        ),
        drawtext(tmp, "Helsepodden", FONT_BOLD, 160, WHITE, 610),
        drawtext(tmp, "Kompetansebroen", FONT, 110, WHITE, 990),
        drawtext(tmp, "Podkast om helse og samhandling", FONT, 58, ACCENT, 1170),
    ]
    png = tmp / "cover.png"
    run_ffmpeg(
        [
            *("-f", "lavfi", "-i", f"color=c={NAVY}:s={size}x{size}:d=1"),
            *("-vf", ",".join(filters), "-frames:v", "1", *BITEXACT, str(png)),
        ]
    )
    save_jpeg(png, path)


def note_choice(notes, index):
    """An expression picking notes[index] (index being an expression) by nested if()."""
    expression = str(notes[-1])
    for number in range(len(notes) - 2, -1, -1):
        expression = f"if(eq({index},{number}),{notes[number]},{expression})"
    return expression


def podcast_expression(episode):
    """A jingle of four rising notes, then a soft arpeggio over a low drone."""
    terms = []
    for number, freq in enumerate(episode["jingle"]):
        start = number * 0.3
        length = 1.6 if number == len(episode["jingle"]) - 1 else 0.5
        envelope = (
            f"between(t,{start},{start + length})*min(1,(t-{start})/0.02)"
            f"*exp(-(t-{start})*{2.5 if length > 1 else 5})*min(1,({start + length}-t)/0.05)"
        )
        terms.append(f"0.3*{envelope}*sin(2*PI*{freq}*t)")
    # The arpeggio: a note every 0.5 s, twice through one chord's four notes, then the next.
    step = 0.5
    begin = 2.5
    notes = [freq for chord in episode["chords"] for freq in chord + chord]
    x = f"mod(t-{begin},{step})"
    index = f"mod(floor((t-{begin})/{step}),{len(notes)})"
    envelope = f"gte(t,{begin})*min(1,{x}/0.02)*exp(-{x}*6)*min(1,({step}-{x})/0.03)"
    terms.append(f"0.16*{envelope}*sin(2*PI*{note_choice(notes, index)}*t)")
    root = episode["chords"][0][0] / 2
    swell = f"min(1,max(0,(t-{begin - 0.5})/2))*(0.8+0.2*sin(2*PI*t/8))"
    terms.append(f"0.05*{swell}*(sin(2*PI*{root}*t)+0.5*sin(2*PI*{root * 1.5}*t))")
    return "+".join(terms)


def make_podcast(tmp, episode, path):
    seconds = episode["seconds"]
    audio = (
        f"aevalsrc={escape(podcast_expression(episode))}:s=44100:d={seconds},"
        f"afade=t=out:st={seconds - 2.5}:d=2.5"
    )
    script = tmp / f"{path.stem}.filters"
    script.write_text(audio + "[a]", encoding="utf-8")
    title = f"Helsepodden S{episode['season']}E{episode['episode']}: {episode['title']}"
    run_ffmpeg(
        [
            *("-/filter_complex", str(script), "-map", "[a]"),
            *("-c:a", "libmp3lame", "-b:a", "40k", "-ac", "1", "-ar", "44100"),
            *("-map_metadata", "-1", *BITEXACT, "-id3v2_version", "3"),
            *("-metadata", f"title={title}", "-metadata", "artist=Kompetansebroen"),
            *("-metadata", "album=Helsepodden", "-metadata", f"track={episode['episode']}"),
            str(path),
        ]
    )


def vtt_time(seconds):
    millis = round(seconds * 1000)
    hours, minutes = millis // 3600000, millis // 60000 % 60
    return f"{hours:02d}:{minutes:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def webvtt(cues):
    blocks = [f"{vtt_time(start)} --> {vtt_time(end)}\n{text}" for start, end, text in cues]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def make_captions(language, path):
    cues = [cue for slide in SLIDES for cue in getattr(slide, f"cues_{language}")]
    path.write_text(webvtt(cues), encoding="utf-8")


def make_transcripts(path):
    film = "\n\n".join(" ".join(text for _, _, text in slide.cues_nb) for slide in SLIDES)
    data = {"handhygiene": film, **PODCAST_TRANSCRIPTS}
    data["episodes"] = [
        {key: episode[key] for key in ("file", "season", "episode", "title", "summary")}
        for episode in EPISODES
    ]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def human_size(path):
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def make_readme(path, made):
    lines = [
        "# Demo media",
        "",
        "These files were made by `scripts/make_demo_media.py`. Everything is synthesised "
        "by the project itself (slides drawn with the DejaVu fonts, sine-tone audio, captions "
        "and transcripts written in the script); no outside material is used, and the files "
        "are free to reuse under the project's licence.",
        "",
    ]
    for name, description in made:
        lines.append(f"- `{name}`: {description}, {human_size(OUTPUT / name)}")
    lines += [
        "",
        "To regenerate them (needs `imageio-ffmpeg` from requirements-dev.txt):",
        "",
        "    .venv/bin/python scripts/make_demo_media.py",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    film = f"{film_seconds():.0f} s"
    made = [
        ("handhygiene.mp4", f"film, {film}, 640x360, H.264 and AAC mono"),
        ("handhygiene.nb.vtt", "Norwegian captions (WebVTT)"),
        ("handhygiene.en.vtt", "English captions (WebVTT)"),
        ("handhygiene-poster.jpg", "poster, 1280x720 JPEG"),
        *(
            (episode["file"], f"podcast episode, {episode['seconds']} s, MP3 mono 40 kbit/s")
            for episode in EPISODES
        ),
        ("podkast-cover.jpg", "podcast cover, 1400x1400 JPEG"),
        ("transcripts.json", "transcripts of the film and the episodes, and episode data"),
    ]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        make_film(tmp, OUTPUT / "handhygiene.mp4")
        make_captions("nb", OUTPUT / "handhygiene.nb.vtt")
        make_captions("en", OUTPUT / "handhygiene.en.vtt")
        make_poster(tmp, OUTPUT / "handhygiene-poster.jpg")
        for episode in EPISODES:
            make_podcast(tmp, episode, OUTPUT / episode["file"])
        make_cover(tmp, OUTPUT / "podkast-cover.jpg")
        make_transcripts(OUTPUT / "transcripts.json")
    make_readme(OUTPUT / "README.md", made)
    for name, _ in [*made, ("README.md", "")]:
        print(f"{OUTPUT.relative_to(ROOT) / name}  {human_size(OUTPUT / name)}")


if __name__ == "__main__":
    try:
        main()
    except (MediaError, OSError) as error:
        print(f"make_demo_media: {error}", file=sys.stderr)
        sys.exit(1)
