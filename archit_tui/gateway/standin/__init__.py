"""The stand-in gateway: a local Archit.us gateway for demos, development and tests."""
