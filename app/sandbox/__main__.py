"""``python -m app.sandbox --port 8765 [--profile large] [--seed N]``.

Prints the endpoint and the sandbox credentials, then serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import threading
import time

from app.sandbox.server import SandboxServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.sandbox",
                                     description="Run the VoIP.ms look-alike sandbox server.")
    parser.add_argument("--port", type=int, default=8765, help="TCP port on 127.0.0.1 (0: any)")
    parser.add_argument("--profile", choices=("demo", "large"), default="demo")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.monotonic()
    server = SandboxServer(port=args.port, seed=args.seed, profile=args.profile)
    server.start()
    print(f"Sandbox ({args.profile}, seed {args.seed}) ready in "
          f"{time.monotonic() - started:.1f} s")
    print(f"  URL:      {server.url}")
    print(f"  Username: {server.username}")
    print(f"  Password: {server.password}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("\nStopping.")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
