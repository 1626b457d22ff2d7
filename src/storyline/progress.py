"""A progress bar on a terminal (bytes read, articles, rate, time left); silence when piped."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm


class Progress:
    """Counts bytes and articles; draws a bar only when stderr is a terminal."""

    def __init__(self, total_bytes: int, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.articles = 0
        self.started = time.perf_counter()
        self.bar = (
            tqdm(
                total=total_bytes or None,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=sys.stderr,
                dynamic_ncols=True,
                mininterval=0.25,
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}] {postfix}",
            )
            if enabled
            else None
        )

    def read(self, n: int) -> None:
        """Bytes consumed from the inputs."""
        if self.bar is not None and n:
            self.bar.update(n)

    def article(self, n: int = 1) -> None:
        """Articles read and cleaned."""
        self.articles += n
        if self.bar is not None:
            rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{self.articles:,} articles, {rate:,.0f}/s", refresh=False)

    def write(self, line: str) -> None:
        """A message line that does not garble the bar."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
