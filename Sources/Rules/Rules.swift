import Lint
