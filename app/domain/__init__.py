"""Domain layer: dataclasses, enums, phone numbers, routing, time. No I/O."""
