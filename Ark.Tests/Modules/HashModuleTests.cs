using Ark.Modules.Hash;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Modules;

[TestClass]
public sealed class HashModuleTests
{
    private readonly LoadedModule _hash = new(new HashModule());

    [TestMethod]
    public void BindsBothDigestsUnderItsPrefix()
    {
        CollectionAssert.AreEqual(new[] { "hash:sha256", "hash:md5" }, _hash.Names.ToArray());
        Assert.IsFalse(_hash.Function("hash:sha256").IsBlocking);
        Assert.IsFalse(_hash.Function("hash:md5").IsBlocking);
    }

    [TestMethod]
    [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [DataRow("hello", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [DataRow("arkscript", "c56d0bb03e9e03e7000f7b596cdb333c315523af7e4781f02610c690441c43dd")]
    [DataRow("héllo", "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179")]
    public void Sha256IsLowercaseHexOfTheUtf8Bytes(string input, string digest)
    {
        var result = _hash.Call("hash:sha256", S(input));
        Assert.AreEqual(ValueKind.String, result.Kind);
        Assert.AreEqual(digest, result.AsString.ToString());
    }

    [TestMethod]
    [DataRow("", "d41d8cd98f00b204e9800998ecf8427e")]
    [DataRow("hello", "5d41402abc4b2a76b9719d911017c592")]
    [DataRow("arkscript", "a27ee01c49b7552b8d69a631b7bb23c9")]
    [DataRow("héllo", "be50e8478cf24ff3595bc7307fb91b50")]
    public void Md5IsLowercaseHexOfTheUtf8Bytes(string input, string digest) =>
        Assert.AreEqual(digest, _hash.Call("hash:md5", S(input)).AsString.ToString());

    [TestMethod]
    public void HashesRawBytesIncludingNul() =>
        Assert.AreEqual("70350f6027bce3713f6b76473084309b",
            _hash.Call("hash:md5", new Value(ArkString.FromBytes("a\0b"u8))).AsString.ToString());

    [TestMethod]
    [DataRow("hash:sha256")]
    [DataRow("hash:md5")]
    public void WrongArgumentsAreContractErrors(string name)
    {
        AssertError(Fails(() => _hash.Call(name, N(1))), ErrorKind.Type,
            $"Function {name} expected 1 argument\n  -> data (String) was of type Number\n");
        AssertError(Fails(() => _hash.Call(name)), ErrorKind.Type,
            $"Function {name} expected 1 argument but got 0\n  -> data (String) was not provided\n");
        AssertError(Fails(() => _hash.Call(name, S("a"), S("b"))), ErrorKind.Type,
            $"Function {name} expected 1 argument but got 2\n  -> data (String) \n");
    }
}
