"""督办助手 (dispatch bot): domain, platform adapters and the process runner."""
