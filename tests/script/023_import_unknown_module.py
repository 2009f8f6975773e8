import torch
import scipy
# error: line 2: ModuleNotFoundError: No module named 'scipy' (initlab runs torch, torch.nn, torch.nn.functional, torch.nn.init, initlab.datasets and these Python modules: __future__, abc, collections, collections.abc, copy, dataclasses, enum, functools, itertools, json, logging, math, numbers, numpy, operator, os, os.path, random, string, sys, time, typing, warnings)
