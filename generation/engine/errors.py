"""Engine exceptions. The job layer maps these to user-facing job errors."""


class EngineError(Exception):
    """Base class for every error the engine raises on purpose."""


class InvalidRequest(EngineError, ValueError):
    """The request cannot be run (bad size, frame count, steps, empty prompt...). Raised before model work."""


class MissingComponent(EngineError, FileNotFoundError):
    """The model folder does not exist or lacks components; `missing` names them."""

    def __init__(self, message: str, missing: list[str] | None = None):
        super().__init__(message)
        self.missing = list(missing or [])


class Cancelled(EngineError):
    """should_cancel() returned True between two steps."""


class OutOfMemory(EngineError, MemoryError):
    """The device ran out of memory; `mode` is the memory mode that failed (retry with a more frugal one)."""

    def __init__(self, message: str, mode: str | None = None):
        super().__init__(message)
        self.mode = mode
