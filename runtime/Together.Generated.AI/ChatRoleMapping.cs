using System;
using Microsoft.Extensions.AI;

namespace Together.Generated.AI;

/// <summary>Maps chat roles between Microsoft.Extensions.AI and Together's wire strings.</summary>
public static class ChatRoleMapping
{
    /// <summary>The wire role of <paramref name="role"/>: <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
    /// <exception cref="NotSupportedException">Any other role, the tool role included.</exception>
    public static string ToWire(ChatRole role)
    {
        if (role == ChatRole.System || role == ChatRole.User || role == ChatRole.Assistant)
        {
            return role.Value;
        }

        throw new NotSupportedException(
            $"The Together chat client supports system, user and assistant messages, not '{role.Value}'.");
    }

    /// <summary>The role a wire string names; <see cref="ChatRole.Assistant"/> when it is null or empty.</summary>
    public static ChatRole FromWire(string? role) =>
        string.IsNullOrEmpty(role) ? ChatRole.Assistant : new ChatRole(role);
}
