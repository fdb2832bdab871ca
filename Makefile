# candidly — every target a person runs. Needs only python3, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

DEMO_DB        := $(CURDIR)/var/demo.db
DEMO_CANDIDATES ?= 2000
DEMO_SEED      ?= 42
# The sample organisation's own name and the domains its messages may link to.
DEMO_ENV       := CANDIDLY_DATABASE_URL=sqlite:///$(DEMO_DB) CANDIDLY_COMPANY_NAME="Northwind Care" \
                  CANDIDLY_ALLOWED_LINK_DOMAINS=northwindcare.example,calendar.example

.PHONY: install demo test test-sqlite lint format typecheck bench docs clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP) ## Create the virtual environment and install candidly with its dev tools.

demo: $(STAMP) ## Build a sample organisation in var/demo.db and run the pipeline end to end.
	@mkdir -p var && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== 1. Create the store ($(DEMO_DB))"
	@$(DEMO_ENV) $(BIN)/candidly init
	@echo "== 2. Generate a sample organisation: $(DEMO_CANDIDATES) candidates, seed $(DEMO_SEED)"
	@$(DEMO_ENV) $(BIN)/candidly demo generate --candidates $(DEMO_CANDIDATES) --seed $(DEMO_SEED)
	@echo "== 3. Import ATS exports (Greenhouse, Lever, CSV) from examples/"
	@$(DEMO_ENV) $(BIN)/candidly import examples/greenhouse_candidates.json
	@$(DEMO_ENV) $(BIN)/candidly import examples/lever_opportunities.json
	@$(DEMO_ENV) $(BIN)/candidly import examples/candidates.csv || echo "   (two rows are bad on purpose: reported above with their lines; the good rows landed)"
	@echo "== 4. How ready is the data? (before cleaning)"
	@$(DEMO_ENV) $(BIN)/candidly quality audit
	@echo "== 5. Clean it: every change an event, every doubt on the review list"
	@$(DEMO_ENV) $(BIN)/candidly quality clean
	@$(DEMO_ENV) $(BIN)/candidly quality measure
	@echo "== 6. Find and merge duplicate candidates"
	@$(DEMO_ENV) $(BIN)/candidly quality dedupe --apply --by $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks user admin)
	@$(DEMO_ENV) $(BIN)/candidly quality audit
	@echo "== 7. Where does the journey leave candidates unheard? (the opportunity audit)"
	@$(DEMO_ENV) $(BIN)/candidly journey audit
	@echo "== 8. Install the default template library through its full lifecycle"
	@$(DEMO_ENV) $(BIN)/candidly library install-defaults \
	    --by $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks user ta_ops) \
	    --compliance $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks user compliance)
	@echo "== 9. Drafts: an acknowledgment, a prep guide, and a rejection after a final round"
	@$(DEMO_ENV) $(BIN)/candidly compose -t application_acknowledgment -a $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks application applied)
	@$(DEMO_ENV) $(BIN)/candidly compose -t pre_interview_prep -a $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks application interview)
	@$(DEMO_ENV) $(BIN)/candidly compose -t rejection_feedback -a $$($(DEMO_ENV) $(BIN)/python -m candidly.demo.picks rejected-after final_round) | head -4
	@echo "== 10. Query the store"
	@$(DEMO_ENV) $(BIN)/candidly jobs list --limit 8
	@$(DEMO_ENV) $(BIN)/candidly candidates list --stage final_round --limit 5
	@$(DEMO_ENV) $(BIN)/candidly events tail --type 'stage.*' -n 5
	@echo
	@echo "Done. Explore it yourself:"
	@echo "  export CANDIDLY_DATABASE_URL=sqlite:///$(DEMO_DB) CANDIDLY_COMPANY_NAME='Northwind Care' CANDIDLY_ALLOWED_LINK_DOMAINS=northwindcare.example,calendar.example"
	@echo "  $(BIN)/candidly candidates show 1"

test: $(STAMP) ## Run the whole suite, on SQLite and (when reachable) PostgreSQL.
	$(BIN)/python -m pytest -q

lint: $(STAMP) ## ruff and mypy.
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP) ## Benchmarks, figures go in bench/README.md.
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/demo_bench.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache .hypothesis
