# logging to stdout (CPython writes to stderr without stream=; the playground shows both).
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("train")
log.info("step %d loss %.3f", 10, 0.12345)
log.debug("not shown")
log.warning("lr is %s", "high")
child = logging.getLogger("train.data")
child.error("missing shard")
log.setLevel(logging.WARNING)
log.info("silenced")
print(log.getEffectiveLevel(), logging.getLevelName(logging.ERROR), child.parent is log, logging.getLogger() is logging.root)

# CPython 3.11 printed:
# expect: INFO train: step 10 loss 0.123
# expect: WARNING train: lr is high
# expect: ERROR train.data: missing shard
# expect: 30 ERROR True True
