# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench clean docs

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY)"; exit 2; }
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/review-engine review examples/drafts --out out --format md,html,txt,docx,json || [ $$? -eq 1 ]
	$(BIN)/review-engine audit examples/stock --as-of 2026-12-01 --out out/stock --opinions md,docx || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Figures, not pass/fail gates: each benchmark prints its measure (and says when a target is missed).
bench: $(STAMP)
	$(BIN)/python benchmarks/parse_corpus.py
	$(BIN)/python benchmarks/review_corpus.py
	-$(BIN)/python benchmarks/ledger/run.py
	-$(BIN)/python benchmarks/defects/run.py
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout3.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout4-a.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout4-b.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout5.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout6.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout7.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout8.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout9.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout10.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout11.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout12.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/dev-weak.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/dev-weak2.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/dev-weak3.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout13.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout14.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout15.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout16.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout17.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout18.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout19.yaml
	-$(BIN)/python benchmarks/defects/run.py --catalogue benchmarks/defects/heldout20.yaml
	-$(BIN)/python benchmarks/cite01_real_docs.py
	-$(BIN)/python benchmarks/materials/run.py benchmarks/materials/dev benchmarks/materials/dev-writer benchmarks/materials/blind/a benchmarks/materials/blind/b benchmarks/materials/blind/c benchmarks/materials/blind/d benchmarks/materials/blind/e benchmarks/materials/blind/f benchmarks/materials/blind/g benchmarks/materials/blind/h benchmarks/materials/dev-matx benchmarks/materials/dev-matx2
	-$(BIN)/python benchmarks/hostile.py
	-$(BIN)/python benchmarks/restatement/run.py
	-$(BIN)/python benchmarks/lawful/run.py
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-2
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-3
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-4
	-$(BIN)/python benchmarks/lawful/run.py benchmarks/lawful/blind-5
	$(BIN)/python benchmarks/stock.py

docs: $(STAMP)
	$(BIN)/review-engine rules docs --out docs/rules.md

clean:
	rm -rf $(VENV) out build dist .pytest_cache
