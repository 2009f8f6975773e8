import torch
import scipy
# error: line 2: ModuleNotFoundError: No module named 'scipy' (initlab runs torch, torch.nn, torch.nn.functional, torch.nn.init, initlab.datasets and these Python modules: __future__, abc, argparse, collections, collections.abc, contextlib, copy, dataclasses, enum, fnmatch, functools, glob, inspect, io, itertools, json, logging, math, numbers, numpy, operator, os, os.path, pathlib, pprint, random, re, statistics, string, sys, textwrap, time, types, typing, unicodedata, warnings)
