// The code editor: CodeMirror 6 with Python highlighting, interpreter errors as inline
// diagnostics at their line and column, Ctrl/Cmd+Enter to run. One EditorState per variant tab,
// so switching tabs keeps each one's undo history.
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { keymap } from '@codemirror/view';
import { Compartment, EditorState, Prec } from '@codemirror/state';

export class Editor {
  // onChange(code) on every edit; onRun() on Ctrl/Cmd+Enter.
  constructor(parent, { onChange, onRun, label }) {
    this.onChange = onChange;
    this.onRun = onRun;
    this.readOnly = new Compartment();
    this.states = [];
    this.view = new EditorView({ parent, state: this.makeState('') });
    this.view.contentDOM.setAttribute('aria-label', label);
  }

  makeState(doc) {
    return EditorState.create({
      doc,
      extensions: [
        basicSetup,
        python(),
        lintGutter(),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { this.onRun(); return true; } }])),
        this.readOnly.of([]),
        EditorView.updateListener.of((u) => { if (u.docChanged) this.onChange(u.state.doc.toString()); }),
      ],
    });
  }

  // Replaces every tab's document (a preset or a restored link).
  load(codes, active) {
    this.states = codes.map((c) => this.makeState(c));
    this.view.setState(this.states[active]);
  }

  // Switches to tab `to`, keeping tab `from`'s state (cursor, undo).
  switchTab(from, to) {
    if (from >= 0 && from < this.states.length) this.states[from] = this.view.state;
    this.view.setState(this.states[to]);
  }

  addTab(code, from) {
    this.states[from] = this.view.state;
    this.states.push(this.makeState(code));
  }

  removeTab(i) {
    this.states.splice(i, 1);
  }

  code() {
    return this.view.state.doc.toString();
  }

  setReadOnly(on) {
    this.view.dispatch({ effects: this.readOnly.reconfigure(on ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []) });
  }

  // Marks the error at its line:column (1-based) to the end of its line; null clears.
  showError(error) {
    const doc = this.view.state.doc;
    const diagnostics = [];
    if (error && error.line >= 1 && error.line <= doc.lines) {
      const line = doc.line(error.line);
      let from = Math.min(line.from + Math.max(error.column - 1, 0), line.to);
      // An error at the end of the line (a missing operand) marks the line's last character.
      if (from === line.to && line.to > line.from) from = line.to - 1;
      const to = line.to;
      diagnostics.push({ from, to, severity: 'error', message: `${error.kind}: ${error.message}`, source: `line ${error.line}, column ${error.column}` });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  focus() {
    this.view.focus();
  }
}
