namespace Ark.Vm.Bytecode;

/// <summary>
/// The instruction set. An instruction is one <c>int</c>: the opcode in the low byte and an
/// operand in the upper 24 bits. "slot" is a local slot of the current function, "sym" a symbol
/// id, "k" a constant index, "b" a builtin id, "n" a count, "target" an absolute code offset.
/// Stack effects are written as (before -- after).
/// </summary>
public enum OpCode : byte
{
    /// <summary>Does nothing.</summary>
    Nop,
    /// <summary>( -- constants[k] )</summary>
    LoadConst,
    /// <summary>( -- builtins[b] )</summary>
    LoadBuiltin,
    /// <summary>( -- slot ) falls back to a dynamic lookup while the slot is unbound.</summary>
    LoadLocal,
    /// <summary>( -- captured[i] ) a variable captured by the running closure.</summary>
    LoadEnv,
    /// <summary>( -- value ) a free variable: the nearest binding in the active scopes, else the global.</summary>
    LoadDyn,
    /// <summary>( -- globals[sym] ) from top-level code.</summary>
    LoadGlobal,
    /// <summary>( -- undefined ) what an <c>if</c> without else gives when its condition is false.</summary>
    LoadUndefined,
    /// <summary>( v -- ) let/mut of a local.</summary>
    StoreLocal,
    /// <summary>( v -- ) let/mut at top level.</summary>
    StoreGlobal,
    /// <summary>( v -- ) set of a local; falls back to a dynamic set while the slot is unbound.</summary>
    SetLocal,
    /// <summary>( v -- ) set of a captured variable.</summary>
    SetEnv,
    /// <summary>( v -- ) set of a free variable, through the active scopes.</summary>
    SetDyn,
    /// <summary>( v -- ) set from top-level code.</summary>
    SetGlobal,
    /// <summary>( -- ) del of a local.</summary>
    DelLocal,
    /// <summary>( -- ) del of a free variable or global.</summary>
    DelDyn,
    /// <summary>( v -- )</summary>
    Pop,
    /// <summary>( v -- v v )</summary>
    Dup,
    /// <summary>( -- ) ip = target.</summary>
    Jump,
    /// <summary>( v -- ) jumps when v is falsy.</summary>
    JumpIfFalse,
    /// <summary>( v -- ) jumps when v is truthy.</summary>
    JumpIfTrue,
    /// <summary>( a b -- ) jumps unless a &lt; b: a comparison fused with the <see cref="JumpIfFalse"/> after it.</summary>
    LtJump,
    /// <summary>( a b -- ) jumps unless a &gt; b.</summary>
    GtJump,
    /// <summary>( a b -- ) jumps unless a &lt;= b.</summary>
    LeJump,
    /// <summary>( a b -- ) jumps unless a &gt;= b.</summary>
    GeJump,
    /// <summary>( a b -- ) jumps unless a = b.</summary>
    EqJump,
    /// <summary>( a b -- ) jumps unless a != b.</summary>
    NeqJump,
    /// <summary>( v -- v | ) keeps v and jumps when falsy, else pops it (for <c>and</c>).</summary>
    JumpIfFalseOrPop,
    /// <summary>( v -- v | ) keeps v and jumps when truthy, else pops it (for <c>or</c>).</summary>
    JumpIfTrueOrPop,
    /// <summary>( args... callee -- result ) n arguments; the next word is the callee's name symbol or -1.</summary>
    Call,
    /// <summary>( args... -- ) a call of the running function in tail position: rebinds the parameters and jumps to its start.</summary>
    TailCall,
    /// <summary>( args... -- result ) calls builtin b; the next word is the argument count.</summary>
    CallBuiltin,
    /// <summary>( v -- ) returns v to the caller.</summary>
    Ret,
    /// <summary>( -- ) stops the program.</summary>
    Halt,
    /// <summary>( -- v ) the value of sym in the current scope, to be captured.</summary>
    Capture,
    /// <summary>( captures... -- closure ) the closure of function constant k over its captures.</summary>
    MakeClosure,
    /// <summary>( closure -- field ) reads a captured variable by name.</summary>
    GetField,
    /// <summary>( closure -- callable ) reads a field to call it: a function gets the closure's environment.</summary>
    GetFieldForCall,
    /// <summary>( -- ) loads native module named by string constant k.</summary>
    Plugin,

    /// <summary>( xn..x1 -- [x1..xn] ) n elements, evaluated last to first.</summary>
    MakeList,
    /// <summary>( xn..x1 list -- list' ) non-mutating append of n elements.</summary>
    Append,
    /// <summary>( ln..l1 list -- list' ) non-mutating concatenation of n lists.</summary>
    Concat,
    /// <summary>( index list -- list' ) non-mutating removal.</summary>
    PopList,
    /// <summary>( xn..x1 -- ) append! to the variable given by the next word (a <see cref="VarRef"/>).</summary>
    AppendInPlace,
    /// <summary>( ln..l1 -- ) concat! to the variable given by the next word.</summary>
    ConcatInPlace,
    /// <summary>( index -- ) pop! on the variable given by the next word.</summary>
    PopInPlace,
    /// <summary>( xn..x1 list -- ) append! on a temporary: only checks types.</summary>
    AppendInPlaceTemp,
    /// <summary>( ln..l1 list -- ) concat! on a temporary: only checks types.</summary>
    ConcatInPlaceTemp,
    /// <summary>( index list -- ) pop! on a temporary: only checks types and bounds.</summary>
    PopInPlaceTemp,

    /// <summary>( a b -- a+b )</summary>
    Add,
    /// <summary>( a -- a+1 ) for <c>(+ x 1)</c> and <c>(+ 1 x)</c> on a variable.</summary>
    Increment,
    /// <summary>( a -- a-1 ) for <c>(- x 1)</c> on a variable.</summary>
    Decrement,
    /// <summary>( a b -- a-b )</summary>
    Sub,
    /// <summary>( a b -- a*b )</summary>
    Mul,
    /// <summary>( a b -- a/b )</summary>
    Div,
    /// <summary>( a b -- a&gt;b )</summary>
    Gt,
    /// <summary>( a b -- a&lt;b )</summary>
    Lt,
    /// <summary>( a b -- a&lt;=b )</summary>
    Le,
    /// <summary>( a b -- a&gt;=b )</summary>
    Ge,
    /// <summary>( a b -- a!=b )</summary>
    Neq,
    /// <summary>( a b -- a=b )</summary>
    Eq,
    /// <summary>( a -- len )</summary>
    Len,
    /// <summary>( a -- empty? )</summary>
    Empty,
    /// <summary>( a -- tail )</summary>
    Tail,
    /// <summary>( a -- head )</summary>
    Head,
    /// <summary>( a -- nil? )</summary>
    IsNil,
    /// <summary>( cond message -- )</summary>
    Assert,
    /// <summary>( s -- number|nil )</summary>
    ToNum,
    /// <summary>( v -- string )</summary>
    ToStr,
    /// <summary>( seq index -- element )</summary>
    At,
    /// <summary>( a b -- a mod b )</summary>
    Mod,
    /// <summary>( v -- type name )</summary>
    Type,
    /// <summary>( closure name -- bool )</summary>
    HasField,
    /// <summary>( v -- not v )</summary>
    Not,

    /// <summary>( a -- a+constants[k] ) an <see cref="Add"/> whose second operand is a constant.</summary>
    AddConst,
    /// <summary>( a -- a-constants[k] ) a <see cref="Sub"/> whose second operand is a constant.</summary>
    SubConst,
    /// <summary>( a -- a*constants[k] ) a <see cref="Mul"/> whose second operand is a constant.</summary>
    MulConst,
    /// <summary>( a -- ) jumps unless a &lt; constants[k]; the next word is k. <see cref="LtJump"/> with a constant.</summary>
    LtConstJump,
    /// <summary>( a -- ) jumps unless a &gt; constants[k]; the next word is k.</summary>
    GtConstJump,
    /// <summary>( a -- ) jumps unless a &lt;= constants[k]; the next word is k.</summary>
    LeConstJump,
    /// <summary>( a -- ) jumps unless a &gt;= constants[k]; the next word is k.</summary>
    GeConstJump,
    /// <summary>( a -- ) jumps unless a = constants[k]; the next word is k.</summary>
    EqConstJump,
    /// <summary>( a -- ) jumps unless a != constants[k]; the next word is k.</summary>
    NeqConstJump,
    /// <summary>( -- ) <c>(set x (+ x 1))</c> on local slot x: load, increment and set in one.</summary>
    IncrementLocal,
    /// <summary>( -- ) <c>(set x (- x 1))</c> on local slot x.</summary>
    DecrementLocal,
    /// <summary>( -- ) <c>(set x (+ x 1))</c> on global sym x, from top-level code.</summary>
    IncrementGlobal,
    /// <summary>( -- ) <c>(set x (- x 1))</c> on global sym x, from top-level code.</summary>
    DecrementGlobal,
    /// <summary>
    /// ( args -- result ) <see cref="LoadDyn"/> sym then <see cref="Call"/>: calls the function
    /// named by free variable sym; the next word is the argument count.
    /// </summary>
    CallDyn,
    /// <summary>( args -- result ) <see cref="LoadGlobal"/> sym then <see cref="Call"/>, from top-level code; the next word is the argument count.</summary>
    CallGlobal,

    // The local-operand instructions: a LoadLocal of slot s fused with the instruction after it,
    // one dispatch and no push and pop between them. The instruction word has the second
    // instruction's source position and the last extra word the load's, so that an error of
    // either part points where it did.

    /// <summary>( -- s+constants[k] ) <see cref="LoadLocal"/> s then <see cref="AddConst"/> k; operand s, next word k.</summary>
    LocalAddConst,
    /// <summary>( -- s-constants[k] ) <see cref="LoadLocal"/> s then <see cref="SubConst"/> k; operand s, next word k.</summary>
    LocalSubConst,
    /// <summary>( -- s+1 ) <see cref="LoadLocal"/> s then <see cref="Increment"/>; operand s, next word s.</summary>
    LocalIncrement,
    /// <summary>( -- s-1 ) <see cref="LoadLocal"/> s then <see cref="Decrement"/>; operand s, next word s.</summary>
    LocalDecrement,
    /// <summary>( -- ) <see cref="LoadLocal"/> s then <see cref="LtConstJump"/>: jumps unless s &lt; constants[k]; the next words are k and s.</summary>
    LocalLtConstJump,
    /// <summary>( -- ) jumps unless s &gt; constants[k]; the next words are k and s.</summary>
    LocalGtConstJump,
    /// <summary>( -- ) jumps unless s &lt;= constants[k]; the next words are k and s.</summary>
    LocalLeConstJump,
    /// <summary>( -- ) jumps unless s &gt;= constants[k]; the next words are k and s.</summary>
    LocalGeConstJump,
    /// <summary>( -- ) jumps unless s = constants[k]; the next words are k and s.</summary>
    LocalEqConstJump,
    /// <summary>( -- ) jumps unless s != constants[k]; the next words are k and s.</summary>
    LocalNeqConstJump,
}

/// <summary>Packing of instruction words.</summary>
public static class Instruction
{
    /// <summary>The largest operand an instruction word can hold.</summary>
    public const int MaxOperand = (1 << 24) - 1;

    /// <summary>
    /// Operand bit of store instructions whose value is a fresh list nobody else holds yet,
    /// so the store need not mark it shared.
    /// </summary>
    public const int FreshStore = 1 << 23;

    /// <summary>Packs an opcode and its operand.</summary>
    public static int Make(OpCode op, int operand = 0) => (byte)op | (operand << 8);

    /// <summary>The opcode of a word.</summary>
    public static OpCode Op(int word) => (OpCode)(word & 0xff);

    /// <summary>The operand of a word.</summary>
    public static int Operand(int word) => (int)((uint)word >> 8);

    /// <summary>True for the compare-and-jump instructions whose right operand is a constant.</summary>
    public static bool IsConstJump(OpCode op) => op is >= OpCode.LtConstJump and <= OpCode.NeqConstJump;

    /// <summary>True for the compare-and-jump instructions of a local with a constant.</summary>
    public static bool IsLocalConstJump(OpCode op) => op is >= OpCode.LocalLtConstJump and <= OpCode.LocalNeqConstJump;

    /// <summary>True for the instructions that fuse a <see cref="OpCode.LoadLocal"/> with the instruction after it.</summary>
    public static bool IsLocalOperand(OpCode op) => op is >= OpCode.LocalAddConst and <= OpCode.LocalNeqConstJump;

    // pairs of an instruction and its fused form; not tuples, whose generic type the
    // precompiled image lacks
    private static readonly OpCode[] ConstantForms =
    [
        OpCode.Add, OpCode.AddConst, OpCode.Sub, OpCode.SubConst, OpCode.Mul, OpCode.MulConst,
        OpCode.LtJump, OpCode.LtConstJump, OpCode.GtJump, OpCode.GtConstJump, OpCode.LeJump, OpCode.LeConstJump,
        OpCode.GeJump, OpCode.GeConstJump, OpCode.EqJump, OpCode.EqConstJump, OpCode.NeqJump, OpCode.NeqConstJump,
    ];

    private static readonly OpCode[] LocalForms =
    [
        OpCode.AddConst, OpCode.LocalAddConst, OpCode.SubConst, OpCode.LocalSubConst,
        OpCode.Increment, OpCode.LocalIncrement, OpCode.Decrement, OpCode.LocalDecrement,
        OpCode.LtConstJump, OpCode.LocalLtConstJump, OpCode.GtConstJump, OpCode.LocalGtConstJump,
        OpCode.LeConstJump, OpCode.LocalLeConstJump, OpCode.GeConstJump, OpCode.LocalGeConstJump,
        OpCode.EqConstJump, OpCode.LocalEqConstJump, OpCode.NeqConstJump, OpCode.LocalNeqConstJump,
    ];

    /// <summary>The other half of <paramref name="op"/>'s pair in <paramref name="pairs"/>, or <paramref name="otherwise"/>.</summary>
    private static OpCode Paired(OpCode[] pairs, OpCode op, bool toFused, OpCode otherwise)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (pairs[toFused ? i : i + 1] == op)
                return pairs[toFused ? i + 1 : i];
        }
        return otherwise;
    }

    /// <summary>The instruction a constant-operand instruction stands for once its constant is pushed.</summary>
    public static OpCode WithoutConst(OpCode op) => Paired(ConstantForms, op, toFused: false, op);

    /// <summary>The constant-operand form of an arithmetic or compare-and-jump instruction, or <see cref="OpCode.Nop"/>.</summary>
    public static OpCode WithConst(OpCode op) => Paired(ConstantForms, op, toFused: true, OpCode.Nop);

    /// <summary>
    /// The local-operand form of <paramref name="op"/> (an <see cref="OpCode.AddConst"/>,
    /// <see cref="OpCode.SubConst"/>, <see cref="OpCode.Increment"/>, <see cref="OpCode.Decrement"/>
    /// or compare-with-a-constant jump), or <see cref="OpCode.Nop"/>.
    /// </summary>
    public static OpCode WithLocal(OpCode op) => Paired(LocalForms, op, toFused: true, OpCode.Nop);

    /// <summary>The instruction a local-operand instruction runs once the local is pushed.</summary>
    public static OpCode WithoutLocal(OpCode op) => Paired(LocalForms, op, toFused: false, op);
}

/// <summary>Where an in-place list operation finds its variable, packed in one word.</summary>
public enum VarRefKind
{
    /// <summary>A local slot.</summary>
    Local,
    /// <summary>A captured variable of the running closure.</summary>
    Env,
    /// <summary>A free variable, looked up dynamically.</summary>
    Dynamic,
    /// <summary>A global, from top-level code.</summary>
    Global,
}

/// <summary>Packing of variable references.</summary>
public static class VarRef
{
    /// <summary>Packs a kind and an index.</summary>
    public static int Make(VarRefKind kind, int index) => (int)kind | (index << 2);

    /// <summary>The kind of a packed reference.</summary>
    public static VarRefKind Kind(int word) => (VarRefKind)(word & 3);

    /// <summary>The index of a packed reference.</summary>
    public static int Index(int word) => (int)((uint)word >> 2);
}
