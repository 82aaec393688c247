; Interrupt-to-container latency, the load (bench/target/fw_latency.c): a low-criticality
; container that counts for ever and never yields.
        .manifest name "lat_lo"
        .manifest priority 1
        .global main
main:
        quote 0
.Ll:
        addimm 1
        branch .Ll
