.PHONY: run test messages

# Set up and serve the demo site on http://127.0.0.1:8000
run:
	./scripts/run.sh

# Set up and pass the whole suite (PostgreSQL and the search engine are started and stopped here)
test:
	./scripts/test.sh

# Extract every interface string into locale/<language>/LC_MESSAGES/django.po
messages:
	.venv/bin/python manage.py extract_messages
