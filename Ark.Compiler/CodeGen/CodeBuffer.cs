using Ark.Compiler.Syntax;
using Ark.Vm.Bytecode;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// The code of one function while it is generated: instruction words, the source position of
/// each word, and the operand-stack depth, whose maximum sizes the function's stack needs.
/// Jump targets are relative to the function until the linker places it.
/// </summary>
internal sealed class CodeBuffer
{
    private readonly List<int> _code = [];
    // three int lists rather than a list of tuples: List<int> comes precompiled with the framework
    private readonly List<int> _files = [];
    private readonly List<int> _lines = [];
    private readonly List<int> _columns = [];
    private CodePosition _position;
    private int _labelAt = -1;
    private bool _lastWasOperand;
    // where the last two instructions start, and the last number constant loaded: what the
    // constant-operand fusions look back at
    private int _lastAt = -1;
    private int _previousAt = -1;
    private int _beforePreviousAt = -1;
    private int _numberLoadAt = -1;

    public int Depth { get; set; }

    public int MaxDepth { get; private set; }

    public int Count => _code.Count;

    public IReadOnlyList<int> Code => _code;

    /// <summary>The source position of the word at <paramref name="index"/>.</summary>
    public CodePosition PositionOf(int index) => new(_files[index], _lines[index], _columns[index]);

    private void AddPosition(CodePosition position)
    {
        _files.Add(position.File);
        _lines.Add(position.Line);
        _columns.Add(position.Column);
    }

    private void SetPosition(int index, CodePosition position)
    {
        _files[index] = position.File;
        _lines[index] = position.Line;
        _columns[index] = position.Column;
    }

    /// <summary>Offsets of words that hold jump targets, to relocate them at link time.</summary>
    public List<int> JumpOperands { get; } = [];

    public void At(int file, Node node) => _position = new(file, node.Line, node.Column);

    public CodePosition Position
    {
        get => _position;
        set => _position = value;
    }

    /// <summary>Emits one instruction whose net effect on the operand stack is <paramref name="stackDelta"/>.</summary>
    public int Emit(OpCode op, int operand, int stackDelta)
    {
        if (operand is < 0 or > Instruction.MaxOperand)
            throw new InvalidOperationException($"operand {operand} of {op} does not fit in an instruction");
        if ((op is OpCode.Add or OpCode.Sub or OpCode.Mul && TryFuseNumberOperand(op))
            || (op is OpCode.SetLocal or OpCode.SetGlobal && TryFuseStep(op, operand))
            || (op is OpCode.Increment or OpCode.Decrement && TryFuseLocalStep(op)))
        {
            Adjust(stackDelta);
            return _lastAt;
        }
        _code.Add(Instruction.Make(op, operand));
        AddPosition(_position);
        _lastWasOperand = false;
        _beforePreviousAt = _previousAt;
        _previousAt = _lastAt;
        _lastAt = _code.Count - 1;
        Adjust(stackDelta);
        return _code.Count - 1;
    }

    /// <summary>Loads a number constant, which a following arithmetic or comparison can take as its operand.</summary>
    public void EmitNumberConstant(int constant)
    {
        Emit(OpCode.LoadConst, constant, 1);
        _numberLoadAt = _code.Count - 1;
    }

    /// <summary>
    /// True when the last word emitted is an instruction (not an operand word) and no jump lands
    /// after it: the condition for fusing it with the instruction being emitted.
    /// </summary>
    private bool LastInstructionIsFusable => _lastAt == _code.Count - 1 && !_lastWasOperand && _labelAt != _code.Count;

    /// <summary>True when the instruction at <paramref name="at"/> loads a number and nothing jumps past it.</summary>
    private bool IsFusableNumberLoad(int at) =>
        at >= 0 && at == _numberLoadAt && _labelAt != _code.Count && !_lastWasOperand
        && Instruction.Op(_code[at]) == OpCode.LoadConst;

    /// <summary>
    /// <c>(set x (+ x 1))</c> becomes one instruction: <c>LocalIncrement x, SetLocal x</c> (the load
    /// and step are fused as they are emitted) becomes <c>IncrementLocal x</c>, and
    /// <c>LoadGlobal x, Increment, SetGlobal x</c> <c>IncrementGlobal x</c>; the same for decrements.
    /// The fused instruction keeps the step's position: its errors are the step's (a type error).
    /// </summary>
    private bool TryFuseStep(OpCode set, int operand)
    {
        if (set == OpCode.SetLocal)
        {
            if (_lastAt != _code.Count - 2 || _labelAt == _code.Count
                || Instruction.Op(_code[^2]) is not (OpCode.LocalIncrement or OpCode.LocalDecrement) || Instruction.Operand(_code[^2]) != operand)
                return false;
            var local = Instruction.Op(_code[^2]) == OpCode.LocalIncrement ? OpCode.IncrementLocal : OpCode.DecrementLocal;
            RemoveLastWord();
            _code[^1] = Instruction.Make(local, operand);
        }
        else
        {
            if (_code.Count < 2 || !LastInstructionIsFusable || _previousAt != _code.Count - 2 || _labelAt == _code.Count - 1)
                return false;
            if (Instruction.Op(_code[^2]) != OpCode.LoadGlobal || Instruction.Operand(_code[^2]) != operand)
                return false;
            var step = Instruction.Op(_code[^1]);
            if (step is not (OpCode.Increment or OpCode.Decrement))
                return false;
            var stepPosition = PositionOf(_code.Count - 1);
            RemoveLastWord();
            _code[^1] = Instruction.Make(step == OpCode.Increment ? OpCode.IncrementGlobal : OpCode.DecrementGlobal, operand);
            SetPosition(_code.Count - 1, stepPosition);
        }
        AfterFusion(_code.Count - 1);
        return true;
    }

    private void RemoveLastWord()
    {
        _code.RemoveAt(_code.Count - 1);
        _files.RemoveAt(_files.Count - 1);
        _lines.RemoveAt(_lines.Count - 1);
        _columns.RemoveAt(_columns.Count - 1);
    }

    /// <summary>
    /// <c>LoadConst k</c> then <c>Add</c> becomes <c>AddConst k</c>: one dispatch instead of two;
    /// after a <c>LoadLocal s</c>, <c>LocalAddConst s k</c> (the same for <c>Sub</c>).
    /// </summary>
    private bool TryFuseNumberOperand(OpCode op)
    {
        if (!LastInstructionIsFusable || !IsFusableNumberLoad(_lastAt))
            return false;
        var constant = Instruction.Operand(_code[^1]);
        if (op != OpCode.Mul && IsFusableLocalLoad(_previousAt, _code.Count - 2))
        {
            // LoadLocal s, LoadConst k: two words, as LocalAddConst s, k is
            var loadPosition = PositionOf(_code.Count - 2);
            _code[^2] = Instruction.Make(Instruction.WithLocal(Instruction.WithConst(op)), Instruction.Operand(_code[^2]));
            SetPosition(_code.Count - 2, _position);
            _code[^1] = constant;
            SetPosition(_code.Count - 1, loadPosition);
            AfterFusion(_code.Count - 2);
            return true;
        }
        _code[^1] = Instruction.Make(Instruction.WithConst(op), constant);
        // errors point at the operation, not at its constant
        SetPosition(_code.Count - 1, _position);
        _numberLoadAt = -1;
        return true;
    }

    /// <summary>True when the instruction at <paramref name="at"/>, the one at <paramref name="expected"/>, loads a local and no jump lands after it.</summary>
    private bool IsFusableLocalLoad(int at, int expected) =>
        at >= 0 && at == expected && _labelAt <= at && Instruction.Op(_code[at]) == OpCode.LoadLocal;

    /// <summary>
    /// After a fusion into the instruction at <paramref name="instructionAt"/>, which the words
    /// after it are operands of: what came before it fuses with nothing that follows.
    /// </summary>
    private void AfterFusion(int instructionAt)
    {
        _lastAt = instructionAt;
        _previousAt = -1;
        _beforePreviousAt = -1;
        _numberLoadAt = -1;
        _lastWasOperand = instructionAt != _code.Count - 1;
    }

    /// <summary>
    /// <c>LoadLocal s, Increment</c> becomes <c>LocalIncrement s</c> (the same for decrements); its
    /// extra word repeats s and carries the load's position.
    /// </summary>
    private bool TryFuseLocalStep(OpCode step)
    {
        if (!LastInstructionIsFusable || !IsFusableLocalLoad(_lastAt, _code.Count - 1))
            return false;
        var slot = Instruction.Operand(_code[^1]);
        var loadPosition = PositionOf(_code.Count - 1);
        _code[^1] = Instruction.Make(Instruction.WithLocal(step), slot);
        SetPosition(_code.Count - 1, _position);
        _code.Add(slot);
        AddPosition(loadPosition);
        AfterFusion(_code.Count - 2);
        return true;
    }

    /// <summary>
    /// Calls the callee on the stack with the <paramref name="argc"/> arguments below it;
    /// <paramref name="nameSymbol"/> names it in errors (-1: the last variable read).
    /// A callee that is a free or global variable named <paramref name="nameSymbol"/>, loaded
    /// right before, is fused with the call: <c>LoadDyn f, Call n f</c> becomes
    /// <c>CallDyn f n</c>, which never pushes the callee. The fused word keeps the call's
    /// position and the argument count word takes the load's, so errors of either part
    /// point where they did.
    /// </summary>
    public void EmitCall(int argc, int nameSymbol)
    {
        var load = LastInstructionIsFusable ? Instruction.Op(_code[^1]) : OpCode.Nop;
        if (load is OpCode.LoadDyn or OpCode.LoadGlobal && nameSymbol >= 0 && Instruction.Operand(_code[^1]) == nameSymbol)
        {
            var loadPosition = PositionOf(_code.Count - 1);
            _code[^1] = Instruction.Make(load == OpCode.LoadDyn ? OpCode.CallDyn : OpCode.CallGlobal, nameSymbol);
            SetPosition(_code.Count - 1, _position);
            // the load already counted the callee: the call leaves its result in that place
            Adjust(-argc);
            _code.Add(argc);
            AddPosition(loadPosition);
            AfterFusion(_code.Count - 2);
            return;
        }
        Emit(OpCode.Call, argc, -argc);
        EmitWord(nameSymbol);
    }

    /// <summary>Emits a raw operand word that follows an instruction.</summary>
    public void EmitWord(int word)
    {
        _numberLoadAt = -1;
        _code.Add(word);
        AddPosition(_position);
        _lastWasOperand = true;
    }

    /// <summary>Emits a jump whose target is patched later; returns the word to patch.</summary>
    public int EmitJump(OpCode op, int stackDelta)
    {
        if (op == OpCode.JumpIfFalse && TryFuseComparison(out var fused))
        {
            if (_previousAt == _code.Count - 2 && IsFusableNumberLoad(_previousAt) && _labelAt != _code.Count - 1)
            {
                // LoadConst k, Lt, JumpIfFalse: the compare-with-a-constant jump, k in the next word
                var constant = Instruction.Operand(_code[^2]);
                var comparePosition = PositionOf(_code.Count - 1);
                if (IsFusableLocalLoad(_beforePreviousAt, _code.Count - 3))
                {
                    // LoadLocal s, LoadConst k, Lt: three words, as LocalLtConstJump, k, s are
                    var slot = Instruction.Operand(_code[^3]);
                    var loadPosition = PositionOf(_code.Count - 3);
                    _code[^3] = Instruction.Make(Instruction.WithLocal(Instruction.WithConst(fused)));
                    SetPosition(_code.Count - 3, comparePosition);
                    _code[^2] = constant;
                    SetPosition(_code.Count - 2, comparePosition);
                    _code[^1] = slot;
                    SetPosition(_code.Count - 1, loadPosition);
                    AfterFusion(_code.Count - 3);
                    Adjust(-1);
                    JumpOperands.Add(_code.Count - 3);
                    return _code.Count - 3;
                }
                _code[^2] = Instruction.Make(Instruction.WithConst(fused));
                _code[^1] = constant;
                SetPosition(_code.Count - 2, comparePosition);
                AfterFusion(_code.Count - 2);
                Adjust(-1);
                JumpOperands.Add(_code.Count - 2);
                return _code.Count - 2;
            }
            _code[^1] = Instruction.Make(fused);
            Adjust(-1);
            JumpOperands.Add(_code.Count - 1);
            return _code.Count - 1;
        }
        var at = Emit(op, 0, stackDelta);
        JumpOperands.Add(at);
        return at;
    }

    /// <summary>
    /// A comparison right before a conditional jump becomes one instruction that never
    /// materialises the boolean, unless something jumps between the two.
    /// </summary>
    private bool TryFuseComparison(out OpCode fused)
    {
        fused = OpCode.Nop;
        if (_code.Count == 0 || _labelAt == _code.Count || _lastWasOperand)
            return false;
        fused = Instruction.Op(_code[^1]) switch
        {
            OpCode.Lt => OpCode.LtJump,
            OpCode.Gt => OpCode.GtJump,
            OpCode.Le => OpCode.LeJump,
            OpCode.Ge => OpCode.GeJump,
            OpCode.Eq => OpCode.EqJump,
            OpCode.Neq => OpCode.NeqJump,
            _ => OpCode.Nop,
        };
        return fused != OpCode.Nop;
    }

    public void EmitJumpTo(OpCode op, int target, int stackDelta)
    {
        var at = Emit(op, target, stackDelta);
        JumpOperands.Add(at);
    }

    /// <summary>
    /// Once the function is complete: a jump to a <c>Ret</c> (the end of an <c>if</c> branch in
    /// tail position) becomes that <c>Ret</c>, one dispatch instead of two. Both leave the same
    /// value on the stack, so nothing else changes.
    /// </summary>
    public void ReturnInsteadOfJumpingToReturn()
    {
        for (var i = 0; i < _code.Count;)
        {
            var op = Instruction.Op(_code[i]);
            var operand = Instruction.Operand(_code[i]);
            if (op == OpCode.Jump && Instruction.Op(_code[operand]) == OpCode.Ret)
            {
                _code[i] = Instruction.Make(OpCode.Ret);
                JumpOperands.Remove(i);
            }
            i += 1 + Disassembler.ExtraWords(op, operand);
        }
    }

    /// <summary>Points the jump at <paramref name="at"/> to the next instruction.</summary>
    public void PatchHere(int at)
    {
        _code[at] = Instruction.Make(Instruction.Op(_code[at]), _code.Count);
        _labelAt = _code.Count;
    }

    /// <summary>Records that a jump may land at the current position.</summary>
    public void MarkLabel() => _labelAt = _code.Count;

    /// <summary>Accounts for values pushed beyond what an instruction's delta says (e.g. during a call).</summary>
    public void Adjust(int delta)
    {
        Depth += delta;
        if (Depth > MaxDepth)
            MaxDepth = Depth;
    }
}
