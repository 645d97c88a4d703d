# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BYTECODE := $(VENV)/.bytecode
SOURCES := $(shell find src -name '*.py')

.PHONY: demo test test-fast bench clean docs

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY)"; exit 2; }
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	@touch $(STAMP)

# The package's bytecode, written as `pip install` writes it for a regular install. The editable install leaves the
# sources uncompiled, and where PYTHONDONTWRITEBYTECODE is set (it is on the machines this project is built and
# measured on) every command would compile all of them again: 0.15 s of its start-up. Redone when a source changes.
$(BYTECODE): $(STAMP) $(SOURCES)
	@$(BIN)/python -m compileall -q src
	@touch $(BYTECODE)

demo: $(BYTECODE)
	$(BIN)/review-engine review examples/drafts --out out --format md,html,txt,docx,json || [ $$? -eq 1 ]
	$(BIN)/review-engine audit examples/stock --as-of 2026-12-01 --out out/stock --opinions md,docx || [ $$? -eq 1 ]

test: $(BYTECODE)
	$(BIN)/python -m pytest

test-fast: $(BYTECODE)
	$(BIN)/python -m pytest -m "not slow"

# The defect sets after the catalogue (BLIND.md says how each was written and first measured): each prints its recall and alarms.
DEFECT_SETS := heldout3 heldout4-a heldout4-b heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 dev-weak dev-weak2 dev-weak3 dev-reword dev-reword2 heldout13 heldout14 heldout15 heldout16 heldout17 heldout18 heldout19 heldout20 heldout21 heldout22 heldout23 heldout24 heldout25 heldout26 heldout27 heldout28 heldout29 heldout30 heldout31 dev-reword3 heldout32 heldout33 dev-reword4 heldout34 heldout35 heldout36 heldout37 heldout38 heldout39 dev-reword5 heldout40 heldout41 heldout42 heldout43 heldout44 heldout45 heldout46 heldout47 heldout48 heldout49 heldout50 heldout51 heldout52 heldout53 heldout54 heldout55 heldout56 heldout57 heldout58 heldout59

# Figures, not pass/fail gates: each benchmark prints its measure (and says when a target is missed).
bench: $(BYTECODE)
	$(BIN)/python benchmarks/parse_corpus.py
	$(BIN)/python benchmarks/review_corpus.py
	-$(BIN)/python benchmarks/ledger/run.py
	-$(BIN)/python benchmarks/defects/run.py
	-for set in $(DEFECT_SETS); do $(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/$$set.yaml; done
	-$(BIN)/python benchmarks/cite01_real_docs.py
	-$(BIN)/python benchmarks/materials/run.py benchmarks/materials/dev benchmarks/materials/dev-writer benchmarks/materials/blind/a benchmarks/materials/blind/b benchmarks/materials/blind/c benchmarks/materials/blind/d benchmarks/materials/blind/e benchmarks/materials/blind/f benchmarks/materials/blind/g benchmarks/materials/blind/h benchmarks/materials/dev-matx benchmarks/materials/dev-matx2
	-$(BIN)/python benchmarks/hostile.py
	-$(BIN)/python benchmarks/restatement/run.py
	-$(BIN)/python benchmarks/lawful/run.py
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-2
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-3
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-4
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-5
	-for set in blind-6 blind-7 blind-8 blind-9 blind-10 blind-11 blind-12 blind-13 blind-14 blind-15 blind-16 blind-17 blind-18 blind-19 blind-20 blind-21 blind-22 blind-23 blind-24 blind-25 blind-26 blind-27 blind-28 blind-29 blind-30 blind-31 blind-32 blind-33 blind-34 blind-35; do $(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/$$set; done
	$(BIN)/python benchmarks/stock.py

docs: $(BYTECODE)
	$(BIN)/review-engine rules docs --out docs/rules.md

clean:
	rm -rf $(VENV) out build dist .pytest_cache
