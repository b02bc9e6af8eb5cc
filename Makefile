# Tugboat: `make up` brings up a local control plane with a demo app, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
STATE := .tugboat

.PHONY: help deps build lint test unit bench up down clean

help:
	@echo "make up     - start etcd + the Tugboat control plane locally and apply the demo app"
	@echo "make down   - stop what make up started"
	@echo "make test   - install what is missing, build, lint, run unit + integration tests"
	@echo "make build  - compile every package (tsc -b)"
	@echo "make lint   - eslint and the type checker"
	@echo "make bench  - run the benchmarks in bench/"

# System packages (etcd) and node_modules, installed only when missing.
deps:
	@scripts/ensure-deps.sh

build: deps
	npm run build

lint: deps
	npx eslint .
	npx tsc -b
	npm run typecheck -w @tugboat/bench

test: deps lint
	npx vitest run

bench: deps
	npm run bench -w @tugboat/bench

up: build
	@scripts/up.sh

down:
	@scripts/down.sh

clean: down
	rm -rf $(STATE) apps/*/dist libs/*/dist apps/*/tsconfig.tsbuildinfo libs/*/tsconfig.tsbuildinfo
