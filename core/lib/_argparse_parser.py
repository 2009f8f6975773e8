# _argparse_parser: argparse's ArgumentParser, its argument groups and the command-line
# parsing (the rest of argparse is in argparse.py, which imports these at its end).
import argparse as _a
import re as _re
import sys as _sys

SUPPRESS = _a.SUPPRESS
OPTIONAL = _a.OPTIONAL
ZERO_OR_MORE = _a.ZERO_OR_MORE
ONE_OR_MORE = _a.ONE_OR_MORE
PARSER = _a.PARSER
REMAINDER = _a.REMAINDER
ArgumentError = _a.ArgumentError

_negative_number = _re.compile(r"^-\d+$|^-\d*\.\d+$")


class _ActionsContainer:
    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {"action": dict(_a._ACTIONS), "type": {None: _identity}}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, obj):
        self._registries.setdefault(registry_name, {})[value] = obj

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ...) for a positional, add_argument(option_string, ...) for an option."""
        chars = self.prefix_chars
        if not args or (len(args) == 1 and args[0][0] not in chars):
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError(f'unknown action "{action_class}"')
        action = action_class(**kwargs)
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ValueError(f"{type_func!r} is not callable")
        if type_func is _a.FileType:
            raise ValueError(f"{type_func!r} is a FileType class object, instance of it must be passed")
        if hasattr(self, "_get_formatter"):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for s in action.option_strings:
            self._option_string_actions[s] = action
        for s in action.option_strings:
            if _negative_number.match(s):
                if not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        title_group_map = {}
        for group in self._action_groups:
            if group.title in title_group_map:
                raise ValueError(f"cannot merge actions - two groups are named {group.title!r}")
            title_group_map[group.title] = group
        group_map = {}
        for group in container._action_groups:
            if group.title not in title_group_map:
                title_group_map[group.title] = self.add_argument_group(title=group.title,
                                                                       description=group.description,
                                                                       conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                group_map[id(action)] = title_group_map[group.title]
        for group in container._mutually_exclusive_groups:
            mutex = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                group_map[id(action)] = mutex
        for action in container._actions:
            group_map.get(id(action), self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE):
            kwargs["required"] = True
        if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for s in args:
            if not s or s[0] not in self.prefix_chars:
                raise ValueError(f"invalid option string {s!r}: must start with a character {self.prefix_chars!r}")
            option_strings.append(s)
            if len(s) > 1 and s[1] in self.prefix_chars:
                long_option_strings.append(s)
        dest = kwargs.pop("dest", None)
        if dest is None:
            first = long_option_strings[0] if long_option_strings else option_strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError(f"dest= is required for options like {args[-1]!r}")
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop("action", default)
        if isinstance(action, str) or action is None:
            return self._registry_get("action", action, action)
        return action

    def _check_conflict(self, action):
        conflicts = [(s, self._option_string_actions[s]) for s in action.option_strings
                     if s in self._option_string_actions]
        if not conflicts:
            return
        if self.conflict_handler == "resolve":
            for s, other in conflicts:
                other.option_strings.remove(s)
                self._option_string_actions.pop(s, None)
                if not other.option_strings:
                    other.container._remove_action(other)
            return
        if self.conflict_handler != "error":
            raise ValueError(f"invalid conflict_resolution value: {self.conflict_handler!r}")
        word = "strings" if len(conflicts) > 1 else "string"
        raise ArgumentError(action, f"conflicting option {word}: " + ", ".join([s for s, _ in conflicts]))


def _identity(string):
    return string


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault("conflict_handler", container.conflict_handler)
        kwargs.setdefault("prefix_chars", container.prefix_chars)
        kwargs.setdefault("argument_default", container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


class ArgumentParser(_a._AttributeHolder, _ActionsContainer):
    """Parses a command line into a Namespace, with help and usage as CPython's argparse prints."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=_a.HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        _ActionsContainer.__init__(self, description=description, prefix_chars=prefix_chars,
                                   argument_default=argument_default, conflict_handler=conflict_handler)
        if prog is None:
            prog = _a._os.path.basename(_sys.argv[0]) if _sys.argv else ""
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        default_prefix = "-" if "-" in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(default_prefix + "h", default_prefix * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ["prog", "usage", "description", "formatter_class", "conflict_handler", "add_help"]
        return [(name, getattr(self, name)) for name in names]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            title = kwargs.pop("title", "subcommands")
            description = kwargs.pop("description", None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(), self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()
        parsers_class = self._pop_action_class(kwargs, "parsers")
        action = parsers_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # ---- parsing ----

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: " + " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = _a.Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        d = vars(namespace)
        if _a._UNRECOGNIZED_ARGS_ATTR in d:
            args.extend(d.pop(_a._UNRECOGNIZED_ARGS_ATTR))
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            for s in arg_strings:
                if s and s[0] in self.fromfile_prefix_chars:
                    raise NotImplementedError("not supported in initlab: reading arguments from a file")
        # Which arguments conflict, through mutually exclusive groups.
        conflicts = {}
        for group in self._mutually_exclusive_groups:
            actions = group._group_actions
            for i in range(len(actions)):
                others = conflicts.setdefault(id(actions[i]), [])
                others.extend(actions[:i])
                others.extend(actions[i + 1:])
        # The command line as a pattern: O an option, A an argument, - the '--' after which all
        # are arguments.
        option_tuples = {}
        pattern = []
        rest_are_args = False
        for i in range(len(arg_strings)):
            s = arg_strings[i]
            if rest_are_args:
                pattern.append("A")
            elif s == "--":
                pattern.append("-")
                rest_are_args = True
            else:
                t = self._parse_optional(s)
                if t is None:
                    pattern.append("A")
                else:
                    option_tuples[i] = t
                    pattern.append("O")
        pattern = "".join(pattern)
        seen = []
        seen_non_default = []
        extras = []
        positionals = self._get_positional_actions()

        def take_action(action, argument_strings, option_string=None):
            seen.append(action)
            values = self._get_values(action, argument_strings)
            if values is not action.default:
                seen_non_default.append(action)
                for other in conflicts.get(id(action), []):
                    if other in seen_non_default:
                        raise ArgumentError(action, "not allowed with argument " + _a._get_action_name(other))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(start):
            action, option_string, explicit_arg = option_tuples[start]
            stack = []
            while True:
                if action is None:
                    extras.append(arg_strings[start])
                    return start + 1
                if explicit_arg is not None:
                    count = self._match_argument(action, "A")
                    chars = self.prefix_chars
                    if count == 0 and option_string[1] not in chars and explicit_arg != "":
                        stack.append((action, [], option_string))
                        char = option_string[0]
                        option_string = char + explicit_arg[0]
                        rest = explicit_arg[1:] or None
                        if option_string in self._option_string_actions:
                            action = self._option_string_actions[option_string]
                            explicit_arg = rest
                        else:
                            raise ArgumentError(action, f"ignored explicit argument {explicit_arg!r}")
                    elif count == 1:
                        stop = start + 1
                        stack.append((action, [explicit_arg], option_string))
                        break
                    else:
                        raise ArgumentError(action, f"ignored explicit argument {explicit_arg!r}")
                else:
                    begin = start + 1
                    count = self._match_argument(action, pattern[begin:])
                    stop = begin + count
                    stack.append((action, arg_strings[begin:stop], option_string))
                    break
            for act, args, opt in stack:
                take_action(act, args, opt)
            return stop

        def consume_positionals(start):
            counts = self._match_arguments_partial(positionals, pattern[start:])
            for i in range(len(counts)):
                action = positionals[i]
                n = counts[i]
                args = arg_strings[start:start + n]
                start += n
                take_action(action, args)
            del positionals[:len(counts)]
            return start

        indices = sorted(option_tuples)
        max_index = indices[-1] if indices else -1
        start = 0
        while start <= max_index:
            nxt = min([i for i in indices if i >= start])
            if start != nxt:
                end = consume_positionals(start)
                if end > start:
                    start = end
                    continue
                start = end
            if start not in option_tuples:
                extras.extend(arg_strings[start:nxt])
                start = nxt
            start = consume_optional(start)
        stop = consume_positionals(start)
        extras.extend(arg_strings[stop:])

        required = []
        for action in self._actions:
            if action not in seen:
                if action.required:
                    required.append(_a._get_action_name(action))
                elif (action.default is not None and isinstance(action.default, str)
                      and hasattr(namespace, action.dest) and action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        if required:
            self.error("the following arguments are required: " + ", ".join(required))
        for group in self._mutually_exclusive_groups:
            if group.required:
                if not any([a in seen_non_default for a in group._group_actions]):
                    names = [_a._get_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                    self.error("one of the arguments " + " ".join(names) + " is required")
        return namespace, extras

    def _match_argument(self, action, pattern):
        m = _re.match(self._get_nargs_pattern(action), pattern)
        if m is None:
            nargs = action.nargs
            if nargs is None:
                msg = "expected one argument"
            elif nargs == OPTIONAL:
                msg = "expected at most one argument"
            elif nargs == ONE_OR_MORE:
                msg = "expected at least one argument"
            else:
                msg = f"expected {nargs} argument" + ("" if nargs == 1 else "s")
            raise ArgumentError(action, msg)
        return len(m.group(1))

    def _match_arguments_partial(self, actions, pattern):
        for i in range(len(actions), 0, -1):
            joined = "".join([self._get_nargs_pattern(a) for a in actions[:i]])
            m = _re.match(joined, pattern)
            if m is not None:
                return [len(g) for g in m.groups()]
        return []

    def _parse_optional(self, s):
        if not s or s[0] not in self.prefix_chars:
            return None
        if s in self._option_string_actions:
            return (self._option_string_actions[s], s, None)
        if len(s) == 1:
            return None
        if "=" in s:
            option_string, explicit_arg = s.split("=", 1)
            if option_string in self._option_string_actions:
                return (self._option_string_actions[option_string], option_string, explicit_arg)
        tuples = self._get_option_tuples(s)
        if len(tuples) > 1:
            matches = ", ".join([t[1] for t in tuples])
            self.error(f"ambiguous option: {s} could match {matches}")
        elif len(tuples) == 1:
            return tuples[0]
        if _negative_number.match(s):
            if not self._has_negative_number_optionals:
                return None
        if " " in s:
            return None
        return (None, s, None)

    def _get_option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        if option_string[0] in chars and option_string[1] in chars:
            if self.allow_abbrev:
                if "=" in option_string:
                    prefix, explicit_arg = option_string.split("=", 1)
                else:
                    prefix, explicit_arg = option_string, None
                for s in self._option_string_actions:
                    if s.startswith(prefix):
                        result.append((self._option_string_actions[s], s, explicit_arg))
        elif option_string[0] in chars and option_string[1] not in chars:
            prefix = option_string
            short_prefix = option_string[:2]
            short_explicit = option_string[2:]
            for s in self._option_string_actions:
                if s == short_prefix:
                    result.append((self._option_string_actions[s], s, short_explicit))
                elif s.startswith(prefix):
                    result.append((self._option_string_actions[s], s, None))
        else:
            self.error(f"unexpected option string: {option_string}")
        return result

    def _get_nargs_pattern(self, action):
        nargs = action.nargs
        if nargs is None:
            p = "(-*A-*)"
        elif nargs == OPTIONAL:
            p = "(-*A?-*)"
        elif nargs == ZERO_OR_MORE:
            p = "(-*[A-]*)"
        elif nargs == ONE_OR_MORE:
            p = "(-*A[A-]*)"
        elif nargs == REMAINDER:
            p = "([-AO]*)"
        elif nargs == PARSER:
            p = "(-*A[-AO]*)"
        elif nargs == SUPPRESS:
            p = "(-*-*)"
        else:
            p = "(-*" + "-*".join(["A"] * nargs) + "-*)"
        if action.option_strings:
            p = p.replace("-*", "").replace("-", "")
        return p

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER):
            if "--" in arg_strings:
                arg_strings = list(arg_strings)
                arg_strings.remove("--")
        if not arg_strings and action.nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else arg_strings
            self._check_value(action, value)
        elif len(arg_strings) == 1 and action.nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif action.nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif action.nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ArgumentError(action, f"{type_func!r} is not callable")
        try:
            return type_func(arg_string)
        except _a.ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, f"invalid {name} value: {arg_string!r}")

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join([repr(c) for c in action.choices])
            raise ArgumentError(action, f"invalid choice: {value!r} (choose from {choices})")

    def parse_intermixed_args(self, args=None, namespace=None):
        raise NotImplementedError("not supported in initlab: parse_intermixed_args")

    def parse_known_intermixed_args(self, args=None, namespace=None):
        raise NotImplementedError("not supported in initlab: parse_known_intermixed_args")

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    # ---- help ----

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            if file is None:
                file = _sys.stderr
            file.write(message)

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Prints the usage and 'prog: error: message' to stderr and exits with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")
