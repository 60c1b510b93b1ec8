using Ark.Compiler.Syntax;
using Ark.Vm.Builtins;

namespace Ark.Compiler.Macros;

/// <summary>
/// Evaluates a node at compile time, as far as the reference does: value macros are
/// substituted; the list operations (<c>len</c>, <c>empty?</c>, <c>@</c>, <c>head</c>,
/// <c>tail</c>) and the special macros are applied to literal lists; and, in conditions and
/// <c>$symcat</c> arguments only, comparisons, arithmetic on two numbers, <c>not</c>,
/// <c>and</c> and <c>or</c> are computed. Anything else is left for run time.
/// </summary>
internal sealed partial class MacroEvaluator(MacroProcessor processor)
{
    /// <summary>
    /// Evaluates <paramref name="node"/>, rewriting it in place where the reference does, and
    /// returns its value (which may be <paramref name="node"/> itself or a macro's stored
    /// value: copy it before changing it).
    /// </summary>
    /// <param name="isNotBody">True in conditions, where operators are computed; false in macro bodies.</param>
    public MacroNode Evaluate(MacroNode node, int depth, bool isNotBody)
    {
        if (node.Type == NodeType.Symbol)
            return processor.FindMacro(node.Text) is { Count: 2 } macro ? macro[1] : node;

        if (node.IsCall && EvaluateCall(node, depth, isNotBody) is { } result)
            return result;

        if (node.Type == NodeType.List && node.Count > 0)
        {
            for (int i = 0; i < node.Count; ++i)
            {
                var child = node[i];
                child.AssignKeepingPosition(Evaluate(child, depth + 1, isNotBody));
            }
        }

        if (node.Type == NodeType.Spread)
            throw MacroErrors.At(node, $"Found an unevaluated spread: `{node.Text}'");
        return node;
    }

    /// <summary>The value of a call the evaluator knows; null to go on evaluating the children.</summary>
    private MacroNode? EvaluateCall(MacroNode node, int depth, bool isNotBody)
    {
        string name = node[0].Text;
        if (processor.FindMacro(name) is not null)
        {
            processor.ApplyMacro(node[0], depth + 1);
            if (node[0].Type == NodeType.Unused)
                node.Children.RemoveAt(0);
            return null;
        }

        if (isNotBody && EvaluateOperator(node, name, depth) is { } value)
            return value;

        return name switch
        {
            "len" => Length(node),
            "empty?" => IsEmpty(node),
            "@" => At(node, depth, isNotBody),
            "head" => Head(node),
            "tail" => Tail(node),
            SpecialMacros.Symcat => Symcat(node, depth),
            SpecialMacros.Argcount => Argcount(node),
            SpecialMacros.Repr => Repr(node),
            SpecialMacros.Paste => Paste(node),
            SpecialMacros.Undef => Undef(node),
            _ => null,
        };
    }

    /// <summary>Comparisons, arithmetic and logic, computed in conditions only.</summary>
    private MacroNode? EvaluateOperator(MacroNode node, string name, int depth)
    {
        switch (name)
        {
            case "=":
            case "!=":
            case "<":
            case ">":
            case "<=":
            case ">=":
                {
                    CheckArity(node, 2, name, "condition");
                    var (a, b) = EvaluateOperands(node, depth);
                    bool less = NodeComparison.IsLess(a, b);
                    bool equal = NodeComparison.AreEqual(a, b);
                    return MacroNode.Bool(name switch
                    {
                        "=" => equal,
                        "!=" => !equal,
                        "<" => less,
                        ">" => !less && !equal,
                        "<=" => less || equal,
                        _ => !less,
                    });
                }
            case "+":
            case "-":
            case "*":
            case "/":
                {
                    CheckArity(node, 2, name, "operator");
                    var (a, b) = EvaluateOperands(node, depth);
                    if (a.Type != NodeType.Number || b.Type != NodeType.Number)
                        return node;
                    return MacroNode.Num(name switch
                    {
                        "+" => a.Number + b.Number,
                        "-" => a.Number - b.Number,
                        "*" => a.Number * b.Number,
                        _ => a.Number / b.Number,
                    });
                }
            case "not":
                CheckArity(node, 1, name, "condition");
                return MacroNode.Bool(!MacroTruth.IsTruthy(Evaluate(node[1], depth + 1, isNotBody: true)));
            case Language.And:
            case Language.Or:
                return Chain(node, name == Language.And, depth);
            default:
                return null;
        }
    }

    private (MacroNode A, MacroNode B) EvaluateOperands(MacroNode node, int depth)
    {
        var a = Evaluate(node[1], depth + 1, isNotBody: true);
        var b = Evaluate(node[2], depth + 1, isNotBody: true);
        return (a, b);
    }

    private MacroNode Chain(MacroNode node, bool isAnd, int depth)
    {
        if (node.Count < 3)
        {
            throw MacroErrors.At(node, isAnd
                ? $"Interpreting a `and' chain with {node.Count - 1} arguments, expected at least 2."
                : $"Interpreting an `or' chain with {node.Count - 1} arguments, expected at least 2.");
        }

        // short-circuits: the operands after the deciding one are not evaluated
        for (int i = 1; i < node.Count; ++i)
        {
            if (MacroTruth.IsTruthy(Evaluate(node[i], depth + 1, isNotBody: true)) != isAnd)
                return MacroNode.Bool(!isAnd);
        }
        return MacroNode.Bool(isAnd);
    }

    /// <summary>
    /// The reference's arity check for operators in macros, which counts the operator itself
    /// in the number of arguments it reports.
    /// </summary>
    private static void CheckArity(MacroNode node, int expected, string name, string kind)
    {
        if (node.Count != expected + 1)
        {
            string what = kind.Length == 0 ? "" : " " + kind;
            throw MacroErrors.At(node, $"Interpreting a `{name}'{what} with {node.Count} arguments, expected {expected}.");
        }
    }

    /// <summary>
    /// Whether a node can be measured at compile time: literals, keywords, operators,
    /// builtins, macro names, <c>list</c> and <c>nil</c>, and lists of those.
    /// </summary>
    private bool IsConstant(MacroNode node)
    {
        switch (node.Type)
        {
            case NodeType.Symbol:
                return Array.IndexOf(Language.Operators, node.Text) >= 0
                    || BuiltinTable.IndexOf(node.Text) >= 0
                    || processor.FindMacro(node.Text) is not null
                    || node.Text is "list" or "nil";
            case NodeType.List:
                foreach (var child in node.Children)
                {
                    if (!IsConstant(child))
                        return false;
                }
                return true;
            case NodeType.Capture:
            case NodeType.Field:
                return false;
            default:
                return true;
        }
    }
}
