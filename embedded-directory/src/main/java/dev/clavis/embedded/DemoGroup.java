package dev.clavis.embedded;

import java.util.List;

/** A group of the demo organisation with its members as they are when the directory is seeded. */
public record DemoGroup(String name, String description, List<String> memberUids) {

    public DemoGroup {
        memberUids = List.copyOf(memberUids);
    }

    public String dn() {
        return DirectoryLayout.groupDn(name);
    }

    public List<String> memberDns() {
        return memberUids.stream().map(DirectoryLayout::personDn).toList();
    }
}
