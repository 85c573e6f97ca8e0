"""Write the generated files, replacing earlier generated ones and nothing else."""

from pathlib import Path

from .render import GENERATED


def write_outputs(docs: Path, posts: dict[str, str], unresolved: str) -> list[Path]:
    """Write posts into `docs/posts` and the unresolved page; drop stale generated posts."""
    post_dir = docs / "posts"
    post_dir.mkdir(parents=True, exist_ok=True)
    for old in sorted(post_dir.glob("*.md")):
        if old.name not in posts and GENERATED in old.read_text(encoding="utf-8"):
            old.unlink()
    written = []
    for name, text in sorted(posts.items()):
        path = post_dir / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    page = docs / "unresolved.md"
    page.write_text(unresolved, encoding="utf-8", newline="\n")
    written.append(page)
    return written
