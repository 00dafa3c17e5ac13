import sys

from mathcore.cli import main

sys.exit(main())
