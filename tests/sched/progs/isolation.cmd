divzero.svm checksum.svm
checksum.svm divzero.svm
