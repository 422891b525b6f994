"""Platform adapters. One module per platform; nothing else imports a platform SDK."""
